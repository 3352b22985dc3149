/// A playbook rule as lint applies it: the rule's lint check plus what SARIF and JUnit show as help.
public struct LintRuleDescriptor: Sendable, Hashable {
    public var id: String
    public var playbookID: String
    public var title: String
    public var level: LintCheck.Level
    public var key: SysctlKey
    public var valueTest: ValueTest
    /// The lint check's message: what the finding says.
    public var message: String
    public var remediation: String
    public var references: [String]
    public var targetKernelAtLeast: KernelVersion?

    public init(
        id: String, playbookID: String, title: String, level: LintCheck.Level, key: SysctlKey, valueTest: ValueTest,
        message: String, remediation: String, references: [String], targetKernelAtLeast: KernelVersion?
    ) {
        self.id = id
        self.playbookID = playbookID
        self.title = title
        self.level = level
        self.key = key
        self.valueTest = valueTest
        self.message = message
        self.remediation = remediation
        self.references = references
        self.targetKernelAtLeast = targetKernelAtLeast
    }

    /// Whether an assignment with this value (nil: not known) triggers the check. An unknown value
    /// only triggers checks that ask whether the key is set at all.
    public func matches(_ candidate: SysctlAssignmentCandidate) -> Bool {
        guard candidate.key == key else { return false }
        guard let value = candidate.normalisedValue else { return valueTest == .present }
        return valueTest.matches(value: value)
    }

    /// Help text: remediation and references, for SARIF `help` and JUnit.
    public var helpText: String {
        var parts = [message]
        if !remediation.isEmpty { parts.append("Fix: " + remediation) }
        if !references.isEmpty { parts.append("References: " + references.joined(separator: " ")) }
        return parts.joined(separator: "\n\n")
    }
}
