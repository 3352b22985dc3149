/// Evaluates a playbook's rules against one host's facts.
public struct RuleEvaluator: Sendable {
    public let playbook: Playbook
    /// The appliers a host reports: procps (in the version its OS ships) and systemd-sysctl.
    static let appliers: [SysctlApplier] = [.procps, .systemd]

    public init(playbook: Playbook) {
        self.playbook = playbook
    }

    /// The findings for `facts`, worst first (ties keep the playbook's rule order).
    public func findings(for facts: HostFacts) -> [Finding] {
        let renderer = MessageTemplate(facts: facts)
        let fired = playbook.rules.enumerated().filter { _, rule in holds(rule.condition, facts) }
        return fired.sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map { _, rule in
            Finding(
                ruleID: rule.id, playbookID: playbook.id, severity: rule.severity, title: rule.title,
                message: renderer.render(rule.message), remediation: renderer.render(rule.remediation),
                origins: origins(of: rule, in: facts), references: rule.references)
        }
    }

    /// The lines that set the rule's origin keys, effective ones first.
    private func origins(of rule: PlaybookRule, in facts: HostFacts) -> [SourceLocation] {
        var locations: [SourceLocation] = []
        for key in rule.originKeys {
            guard let keyFacts = facts.keys[key] else { continue }
            let sorted = keyFacts.assignments.enumerated().sorted { lhs, rhs in
                let lhsEffective = !lhs.element.effectiveUnder.isEmpty
                let rhsEffective = !rhs.element.effectiveUnder.isEmpty
                return lhsEffective != rhsEffective ? lhsEffective : lhs.offset < rhs.offset
            }
            for (_, assignment) in sorted where !locations.contains(assignment.location) {
                locations.append(assignment.location)
            }
        }
        return locations
    }

    func holds(_ condition: RuleCondition, _ facts: HostFacts) -> Bool {
        switch condition {
        case .all(let conditions): return conditions.allSatisfy { holds($0, facts) }
        case .any(let conditions): return conditions.contains { holds($0, facts) }
        case .not(let inner): return !holds(inner, facts)
        case .live(let key, let test):
            guard let live = facts.keys[key]?.live else { return false }
            switch live {
            case .value(let value): return test.matches(value: value)
            case .absent: return test == .absent
            case .unreadable: return test == .unreadable
            }
        case .persisted(let key, let applier, let test):
            let values = Self.appliers.map { facts.keys[key]?.persisted(by: $0) }
            let results = values.map { value -> Bool in
                guard let value else { return test == .absent }
                return test.matches(value: value.value)
            }
            switch applier {
            case .procps: return results[0]
            case .systemd: return results[1]
            case .any: return results.contains(true)
            case .both: return results.allSatisfy { $0 }
            }
        case .configured(let key, let test):
            let assignments = facts.keys[key]?.assignments ?? []
            if test == .absent { return assignments.isEmpty }
            return assignments.contains { test.matches(value: $0.value) }
        case .drift(let key):
            guard let keyFacts = facts.keys[key], let live = keyFacts.live.value else { return false }
            return Self.appliers.contains { applier in
                guard let persisted = keyFacts.persisted(by: applier) else { return false }
                return persisted.value.trimmedSysctlValue != live.trimmedSysctlValue
            }
        case .appliersDisagree(let key):
            guard let keyFacts = facts.keys[key] else { return false }
            return keyFacts.procps?.value.trimmedSysctlValue != keyFacts.systemd?.value.trimmedSysctlValue
        case .kernel(let range):
            guard let release = facts.kernelRelease, let version = try? KernelRelease.parse(release).version else { return false }
            if let from = range.from.flatMap(KernelVersion.init), version < from { return false }
            if let below = range.below.flatMap(KernelVersion.init), !(version < below) { return false }
            return true
        case .nat(let states): return states.contains(facts.nat.state)
        case .counter(let name, let test):
            guard let value = facts.counters[name] else { return false }
            return test.matches(value)
        case .delta(let name, let test):
            guard let value = facts.deltas?[name] else { return false }
            return test.matches(value)
        case .deltaExceeds(let name, let other):
            guard let deltas = facts.deltas, let value = deltas[name] else { return false }
            return value > (deltas[other] ?? 0)
        case .unreadableConfig: return !facts.unreadableFiles.isEmpty
        case .sampled: return facts.deltas != nil
        }
    }
}
