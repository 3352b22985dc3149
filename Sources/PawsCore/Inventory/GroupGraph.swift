/// The group hierarchy of a draft whose references and cycles have been checked: every group's
/// parents (a group without one hangs under `all`, as Ansible does) and its depth below `all`.
struct GroupGraph {
    let parents: [String: [String]]
    /// Longest distance from `all` (Ansible's group depth); `all` is 0.
    let depths: [String: Int]

    init(draft: InventoryDraft) {
        let all = InventoryDraft.allGroup
        var parents: [String: [String]] = [:]
        for name in draft.groupOrder {
            for edge in draft.groups[name]?.children ?? [] {
                parents[edge.child, default: []].append(name)
            }
        }
        for name in draft.groupOrder where name != all && parents[name] == nil {
            parents[name] = [all]
        }

        var depths: [String: Int] = [all: 0]
        func depth(of group: String) -> Int {
            if let known = depths[group] { return known }
            let deepest = (parents[group] ?? []).map { depth(of: $0) + 1 }.max() ?? 1
            depths[group] = deepest
            return deepest
        }
        for name in draft.groupOrder {
            _ = depth(of: name)
        }
        self.parents = parents
        self.depths = depths
    }

    /// The group itself and every group above it, `all` included.
    func ancestors(of group: String) -> Set<String> {
        var found: Set<String> = []
        var pending = [group]
        while let current = pending.popLast() {
            guard found.insert(current).inserted else { continue }
            pending.append(contentsOf: parents[current] ?? [])
        }
        return found
    }
}
