import Foundation

/// Turns a draft into an `Inventory`: checks group references and cycles, places hosts in
/// `ungrouped`, orders groups the way Ansible does and resolves each host's variables.
struct InventoryResolver {
    private let draft: InventoryDraft
    private var parents: [String: [String]] = [:]
    private var depthCache: [String: Int] = [:]

    init(draft: InventoryDraft) {
        self.draft = draft
    }

    func resolve() throws(InventoryError) -> Inventory {
        try checkReferences()
        try checkCycles()
        var resolver = self
        resolver.parents = resolver.computeParents()
        return try resolver.build()
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

    // MARK: - Group graph

    /// Parents of every group; a group without any becomes a child of `all`, as Ansible does.
    private func computeParents() -> [String: [String]] {
        var parents: [String: [String]] = [:]
        for name in draft.groupOrder {
            for edge in draft.groups[name]?.children ?? [] {
                parents[edge.child, default: []].append(name)
            }
        }
        for name in draft.groupOrder where name != InventoryDraft.allGroup && parents[name] == nil {
            parents[name] = [InventoryDraft.allGroup]
        }
        return parents
    }

    /// Longest distance from `all` (Ansible's group depth); `all` is 0.
    private mutating func depth(of group: String) -> Int {
        if group == InventoryDraft.allGroup { return 0 }
        if let cached = depthCache[group] { return cached }
        var deepest = 0
        for parent in parents[group] ?? [] {
            deepest = max(deepest, depth(of: parent) + 1)
        }
        depthCache[group] = deepest
        return deepest
    }

    private func ancestors(of group: String) -> Set<String> {
        var found: Set<String> = []
        var pending = [group]
        while let current = pending.popLast() {
            guard found.insert(current).inserted else { continue }
            pending.append(contentsOf: parents[current] ?? [])
        }
        return found
    }

    private func priority(of group: String) -> Int {
        guard let text = draft.groups[group]?.vars[KnownVariables.groupPriority]?.value else {
            return KnownVariables.defaultGroupPriority
        }
        return Int(text.trimmingCharacters(in: .whitespaces)) ?? KnownVariables.defaultGroupPriority
    }

    // MARK: - Building

    private mutating func build() throws(InventoryError) -> Inventory {
        let ungrouped = InventoryDraft.ungroupedGroup
        let all = InventoryDraft.allGroup
        var directGroups: [String: [String]] = [:]
        for name in draft.groupOrder {
            for host in draft.groups[name]?.hostNames ?? [] {
                directGroups[host, default: []].append(name)
            }
        }
        // A host belongs to `ungrouped` exactly when `all` is its only other group.
        var ungroupedHosts: [String] = []
        for host in draft.hostOrder {
            let memberships = directGroups[host, default: []]
            if memberships.allSatisfy({ $0 == all || $0 == ungrouped }) {
                ungroupedHosts.append(host)
                directGroups[host] = [ungrouped]
            } else {
                directGroups[host] = memberships.filter { $0 != all && $0 != ungrouped }
            }
        }

        var groupDepths: [String: Int] = [:]
        for name in draft.groupOrder {
            groupDepths[name] = depth(of: name)
        }

        var hosts: [InventoryHost] = []
        for name in draft.hostOrder {
            guard let declared = draft.hosts[name] else { continue }
            var memberOf: Set<String> = [all]
            for group in directGroups[name] ?? [] {
                memberOf.formUnion(ancestors(of: group))
            }
            let ordered = memberOf.sorted { lhs, rhs in
                let left = (groupDepths[lhs] ?? 0, priority(of: lhs))
                let right = (groupDepths[rhs] ?? 0, priority(of: rhs))
                return left != right ? left < right : lhs < rhs
            }
            var layers: [(owner: VariableOwner, vars: [String: VariableAssignment])] = ordered.map {
                (.group($0), draft.groups[$0]?.vars ?? [:])
            }
            layers.append((.host(name), declared.vars))
            let groupNames = memberOf.subtracting([all]).sorted()
            hosts.append(try HostSettingsResolver.resolve(
                host: declared, groups: groupNames, layers: layers))
        }

        var groups: [String: InventoryGroup] = [:]
        for name in draft.groupOrder {
            guard let declared = draft.groups[name] else { continue }
            var children = declared.children.map(\.child)
            var members = declared.hostNames
            switch name {
            case all:
                // Written or implied, every parentless group hangs under `all`; sorted so that the INI and
                // YAML spellings of one inventory give the same model.
                children = draft.groupOrder.filter { parents[$0]?.contains(all) == true }.sorted()
                members = draft.hostOrder
            case ungrouped:
                members = ungroupedHosts
            default:
                break
            }
            groups[name] = InventoryGroup(
                name: name,
                hosts: members,
                children: children,
                vars: declared.vars.mapValues(\.value),
                location: declared.location)
        }
        return Inventory(path: draft.path, hosts: hosts, groups: groups)
    }
}
