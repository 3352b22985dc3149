import Foundation

/// Turns a draft into an `Inventory`: checks group references and cycles, places hosts in
/// `ungrouped`, orders groups the way Ansible does and resolves each host's variables.
struct InventoryResolver {
    private let draft: InventoryDraft

    init(draft: InventoryDraft) {
        self.draft = draft
    }

    func resolve() throws(InventoryError) -> Inventory {
        try checkReferences()
        try checkCycles()
        return try build(graph: GroupGraph(draft: draft))
    }

    // MARK: - Structure checks

    /// Ansible accepts forward references but fails when a child or a `:vars` group is never defined;
    /// the earliest offending line is reported.
    private func checkReferences() throws(InventoryError) {
        var problems: [InventoryError] = []
        for name in draft.groupOrder {
            guard let group = draft.groups[name] else { continue }
            for edge in group.children {
                if edge.child == InventoryDraft.allGroup {
                    problems.append(.groupCycle(edge.location, cycle: [name, InventoryDraft.allGroup]))
                } else if draft.groups[edge.child]?.isDefined != true {
                    problems.append(.undefinedChildGroup(edge.location, parent: name, child: edge.child))
                }
            }
            if !group.isDefined, let location = group.varsSectionLocation {
                problems.append(.varsForUndefinedGroup(location, group: name))
            }
        }
        if let first = problems.min(by: { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) {
            throw first
        }
    }

    private func checkCycles() throws(InventoryError) {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []

        func visit(_ name: String) throws(InventoryError) {
            marks[name] = .visiting
            stack.append(name)
            for edge in draft.groups[name]?.children ?? [] {
                switch marks[edge.child] {
                case .visiting:
                    let start = stack.lastIndex(of: edge.child) ?? 0
                    throw .groupCycle(edge.location, cycle: Array(stack[start...]) + [edge.child])
                case .done:
                    continue
                case nil:
                    try visit(edge.child)
                }
            }
            stack.removeLast()
            marks[name] = .done
        }

        for name in draft.groupOrder where marks[name] == nil {
            try visit(name)
        }
    }

    // MARK: - Building

    private func priority(of group: String) -> Int {
        guard let text = draft.groups[group]?.vars[KnownVariables.groupPriority]?.value else {
            return KnownVariables.defaultGroupPriority
        }
        return Int(text.trimmingCharacters(in: .whitespaces)) ?? KnownVariables.defaultGroupPriority
    }

    private func build(graph: GroupGraph) throws(InventoryError) -> Inventory {
        let (groupsByHost, ungroupedHosts) = directMemberships()
        var hosts: [InventoryHost] = []
        for name in draft.hostOrder {
            guard let declared = draft.hosts[name] else { continue }
            hosts.append(try resolveHost(declared, directGroups: groupsByHost[name] ?? [], graph: graph))
        }
        return Inventory(
            path: draft.path, hosts: hosts, groups: makeGroups(graph: graph, ungroupedHosts: ungroupedHosts))
    }

    /// Each host's directly declared groups, and the hosts of `ungrouped`: those whose only other
    /// group is `all` (a host also listed in a real group leaves `ungrouped`, as in Ansible).
    private func directMemberships() -> (groupsByHost: [String: [String]], ungrouped: [String]) {
        let all = InventoryDraft.allGroup
        let ungrouped = InventoryDraft.ungroupedGroup
        var groupsByHost: [String: [String]] = [:]
        for name in draft.groupOrder where name != all && name != ungrouped {
            for host in draft.groups[name]?.hostNames ?? [] {
                groupsByHost[host, default: []].append(name)
            }
        }
        var ungroupedHosts: [String] = []
        for host in draft.hostOrder where groupsByHost[host] == nil {
            ungroupedHosts.append(host)
            groupsByHost[host] = [ungrouped]
        }
        return (groupsByHost, ungroupedHosts)
    }

    private func resolveHost(
        _ declared: InventoryDraft.Host, directGroups: [String], graph: GroupGraph
    ) throws(InventoryError) -> InventoryHost {
        let all = InventoryDraft.allGroup
        var memberOf: Set<String> = [all]
        for group in directGroups {
            memberOf.formUnion(graph.ancestors(of: group))
        }
        // Ansible's order: depth, then ansible_group_priority, then name; later layers win.
        let ordered = memberOf.sorted { lhs, rhs in
            let left = (graph.depths[lhs] ?? 0, priority(of: lhs))
            let right = (graph.depths[rhs] ?? 0, priority(of: rhs))
            return left != right ? left < right : lhs < rhs
        }
        var layers: [HostSettingsResolver.Layer] = ordered.map { (.group($0), draft.groups[$0]?.vars ?? [:]) }
        layers.append((.host(declared.name), declared.vars))
        return try HostSettingsResolver.resolve(
            host: declared, groups: memberOf.subtracting([all]).sorted(), layers: layers)
    }

    private func makeGroups(graph: GroupGraph, ungroupedHosts: [String]) -> [String: InventoryGroup] {
        let all = InventoryDraft.allGroup
        var groups: [String: InventoryGroup] = [:]
        for name in draft.groupOrder {
            guard let declared = draft.groups[name] else { continue }
            var children = declared.children.map(\.child)
            var members = declared.hostNames
            switch name {
            case all:
                // Written or implied, every parentless group hangs under `all`; sorted so that the INI and
                // YAML spellings of one inventory give the same model.
                children = draft.groupOrder.filter { graph.parents[$0]?.contains(all) == true }.sorted()
                members = draft.hostOrder
            case InventoryDraft.ungroupedGroup:
                members = ungroupedHosts
            default:
                break
            }
            groups[name] = InventoryGroup(
                name: name, hosts: members, children: children, vars: declared.vars.mapValues(\.value),
                location: declared.location)
        }
        return groups
    }
}
