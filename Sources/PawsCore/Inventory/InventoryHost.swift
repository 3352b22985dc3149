/// One host of an inventory with its variables resolved the way Ansible resolves them.
///
/// Precedence, lowest to highest: `all` vars, then the vars of every other group the host belongs to
/// (directly or through `children`) ordered by depth below `all`, then `ansible_group_priority`
/// (default 1), then group name — later wins, so a child group beats its parent and, at equal depth
/// and priority, `web` beats `db` — and finally the host's own vars. This is Ansible's default order.
///
/// A setting with a legacy alias (`ansible_ssh_host` for `ansible_host`...) takes its value from the
/// most specific level that sets either spelling; one level giving two spellings different values is
/// an error rather than Ansible's order-dependent choice.
public struct InventoryHost: Sendable, Hashable, Codable {
    /// The inventory name (`inventory_hostname`).
    public var name: String
    /// Where to connect: `ansible_host`, else the name.
    public var address: String
    /// `ansible_port` (or `host:port` in INI); nil means the SSH default.
    public var port: Int?
    /// `ansible_user`; nil means the SSH default.
    public var user: String?
    /// `ansible_private_key_file` / `ansible_ssh_private_key_file`, as written (`~` not expanded).
    public var identityFile: String?
    /// `ansible_become`: run changes through `sudo`.
    public var become: Bool
    /// `ansible_become_user`; nil means root.
    public var becomeUser: String?
    /// Every group the host is in, ancestors included, without `all`; sorted (Ansible's `group_names`).
    public var groups: [String]
    /// pawsguard `nat_clients`: nil when the inventory does not say.
    public var natClients: Bool?
    /// pawsguard `nat_sources`: where NAT clients reach this host from.
    public var natSources: [IPNetwork]
    /// Every variable in effect for the host after precedence, known ones included, as strings.
    public var vars: [String: String]
    /// The host's first declaration.
    public var location: SourceLocation

    public init(
        name: String, address: String, port: Int? = nil, user: String? = nil, identityFile: String? = nil,
        become: Bool = false, becomeUser: String? = nil, groups: [String] = [], natClients: Bool? = nil,
        natSources: [IPNetwork] = [], vars: [String: String] = [:], location: SourceLocation
    ) {
        self.name = name
        self.address = address
        self.port = port
        self.user = user
        self.identityFile = identityFile
        self.become = become
        self.becomeUser = becomeUser
        self.groups = groups
        self.natClients = natClients
        self.natSources = natSources
        self.vars = vars
        self.location = location
    }
}
