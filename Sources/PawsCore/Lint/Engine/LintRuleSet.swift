/// The lint checks of the selected playbooks, ready to apply: only the rules with a `lint:` section,
/// and of those only the ones that fit the targeted kernel.
public struct LintRuleSet: Sendable, Hashable {
    /// Rules that apply, in playbook order.
    public let rules: [LintRuleDescriptor]
    /// Rules with a lint check that stay silent because of `--target-kernel` (or its absence).
    public let inactiveRules: [LintRuleDescriptor]
    public let targetKernel: KernelVersion?
    /// Every rule id of the loaded playbooks, lint check or not: suppressions may name any of them.
    public let knownRuleIDs: Set<String>

    /// Builds the rule set. A check with `target_kernel_at_least` applies only when `targetKernel` is
    /// given and at least that version: an image for unknown kernels may still run on one that has
    /// `tcp_tw_recycle`.
    public init(playbooks: [Playbook], targetKernel: KernelVersion?) throws(LintConfigurationError) {
        var active: [LintRuleDescriptor] = []
        var inactive: [LintRuleDescriptor] = []
        var owners: [String: String] = [:]
        var seenPlaybooks: Set<String> = []
        var known: Set<String> = []
        for playbook in playbooks where seenPlaybooks.insert(playbook.id).inserted {
            for rule in playbook.rules {
                known.insert(rule.id)
                guard let check = rule.lint else { continue }
                if let owner = owners[rule.id] {
                    throw .duplicateRuleID(id: rule.id, playbooks: [owner, playbook.id])
                }
                owners[rule.id] = playbook.id
                guard let key = SysctlKey(check.key) else { continue }
                var minimum: KernelVersion?
                if let text = check.targetKernelAtLeast {
                    guard let version = KernelVersion(text) else { throw .invalidKernelVersion(rule: rule.id, text: text) }
                    minimum = version
                }
                let descriptor = LintRuleDescriptor(
                    id: rule.id, playbookID: playbook.id, title: rule.title, level: check.level, key: key,
                    valueTest: check.value, message: check.message, remediation: rule.remediation,
                    references: rule.references, targetKernelAtLeast: minimum)
                if let minimum, (targetKernel.map { $0 < minimum } ?? true) {
                    inactive.append(descriptor)
                } else {
                    active.append(descriptor)
                }
            }
        }
        guard !active.isEmpty || !inactive.isEmpty else {
            throw .noLintChecks(playbooks: playbooks.map(\.id))
        }
        rules = active
        inactiveRules = inactive
        self.targetKernel = targetKernel
        knownRuleIDs = known
    }

    /// Keys that any active rule looks at.
    public var watchedKeys: Set<SysctlKey> { Set(rules.map(\.key)) }

    /// The active rules an assignment triggers, in rule order.
    public func rules(triggeredBy candidate: SysctlAssignmentCandidate) -> [LintRuleDescriptor] {
        rules.filter { $0.matches(candidate) }
    }
}
