extension Inventory {
    /// The hosts `selection` picks, in inventory order.
    ///
    /// A pattern that matches no host and no group fails the whole selection (Ansible only warns),
    /// because a mistyped `--limit` or `!exclusion` would otherwise act on the wrong hosts. A group
    /// that exists but is empty is not an error; neither is a selection whose intersection is empty.
    /// Hosts are not created implicitly for `localhost`: pawsguard only reaches inventory hosts.
    public func select(_ selection: HostSelection) throws(HostSelectionError) -> [InventoryHost] {
        var selected: Set<String> = []
        var unmatched: [String] = []
        for term in selection.terms {
            let match = try matches(term.pattern)
            if match.isUnmatched {
                unmatched.append(term.pattern)
            }
            let names = Set(match.hosts)
            switch term.operation {
            case .union: selected.formUnion(names)
            case .intersection: selected.formIntersection(names)
            case .exclusion: selected.subtract(names)
            }
        }
        if !unmatched.isEmpty {
            throw .unmatched(patterns: unmatched, knownGroups: groups.keys.sorted())
        }
        return hosts.filter { selected.contains($0.name) }
    }

    private struct PatternMatch {
        /// Host names in inventory order.
        var hosts: [String]
        var isUnmatched: Bool
    }

    private func matches(_ pattern: String) throws(HostSelectionError) -> PatternMatch {
        if hosts.contains(where: { $0.name == pattern }) {
            return PatternMatch(hosts: [pattern], isUnmatched: false)
        }
        let (base, hostSubscript) = HostSubscript.split(pattern)
        var groupNames: [String] = []
        var hostNames: Set<String> = []
        if base.hasPrefix("~") {
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(String(base.dropFirst()))
            } catch {
                throw .invalidRegex(pattern: base, problem: String(describing: error))
            }
            groupNames = groups.keys.filter { $0.prefixMatch(of: regex) != nil }
            hostNames = Set(hosts.map(\.name).filter { $0.prefixMatch(of: regex) != nil })
        } else {
            let glob = GlobPattern(base)
            groupNames = groups.keys.filter(glob.matches)
            if groupNames.isEmpty || GlobPattern.hasWildcard(base) {
                hostNames = Set(hosts.map(\.name).filter(glob.matches))
            }
        }
        for group in groupNames {
            hostNames.formUnion(self.hostNames(inGroup: group))
        }
        var ordered = hosts.map(\.name).filter { hostNames.contains($0) }
        if let hostSubscript {
            ordered = hostSubscript.apply(to: ordered)
            return PatternMatch(hosts: ordered, isUnmatched: ordered.isEmpty)
        }
        return PatternMatch(hosts: ordered, isUnmatched: ordered.isEmpty && groupNames.isEmpty)
    }
}
