/// A parsed Ansible inventory: hosts with resolved connection settings, and the groups they came from.
public struct Inventory: Sendable, Hashable, Codable {
    /// Where it was read from, as given to the parser.
    public var path: String
    /// Every host once, in order of first declaration.
    public var hosts: [InventoryHost]
    /// Every group by name, `all` and `ungrouped` included.
    public var groups: [String: InventoryGroup]

    public init(path: String, hosts: [InventoryHost], groups: [String: InventoryGroup]) {
        self.path = path
        self.hosts = hosts
        self.groups = groups
    }

    public func host(named name: String) -> InventoryHost? {
        hosts.first { $0.name == name }
    }

    /// Hosts in `group` or any of its descendants, in inventory order; empty for an unknown group.
    public func hosts(inGroup group: String) -> [InventoryHost] {
        let names = hostNames(inGroup: group)
        return hosts.filter { names.contains($0.name) }
    }

    func hostNames(inGroup group: String) -> Set<String> {
        if group == InventoryDraft.allGroup { return Set(hosts.map(\.name)) }
        var names: Set<String> = []
        var visited: Set<String> = []
        var pending = [group]
        while let current = pending.popLast() {
            guard visited.insert(current).inserted, let declared = groups[current] else { continue }
            names.formUnion(declared.hosts)
            pending.append(contentsOf: declared.children)
        }
        return names
    }
}
