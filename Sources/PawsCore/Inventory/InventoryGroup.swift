/// A group as declared: its own hosts, its child groups and its own variables (not inherited ones).
public struct InventoryGroup: Sendable, Hashable, Codable {
    public var name: String
    /// Hosts declared directly in the group, in file order. For `all`: every host; for `ungrouped`:
    /// the hosts in no other group.
    public var hosts: [String]
    /// Child groups in declaration order. For `all`: its written children and every group without
    /// a parent, sorted by name.
    public var children: [String]
    /// The group's own variables.
    public var vars: [String: String]
    /// The group's first definition; nil for the implicit `all` and `ungrouped`.
    public var location: SourceLocation?

    public init(
        name: String, hosts: [String] = [], children: [String] = [], vars: [String: String] = [:],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.hosts = hosts
        self.children = children
        self.vars = vars
        self.location = location
    }
}
