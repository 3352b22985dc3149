/// Why lint cannot start with the playbooks and options it was given.
public enum LintConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case noLintChecks(playbooks: [String])
    case duplicateRuleID(id: String, playbooks: [String])
    case invalidKernelVersion(rule: String, text: String)
    case invalidExcludePattern(pattern: String, source: String, problem: String)

    public var description: String {
        switch self {
        case .noLintChecks(let playbooks):
            return "the playbooks \(playbooks.joined(separator: ", ")) have no rule with a `lint:` check, so lint has "
                + "nothing to look for; use --playbook tcp-tw-recycle-nat or add `lint:` to a rule (playbooks/README.md)"
        case .duplicateRuleID(let id, let playbooks):
            return "rule id '\(id)' has lint checks in more than one playbook (\(playbooks.joined(separator: ", "))); "
                + "rule ids must be unique so that findings and suppressions name one rule. Rename one of them"
        case .invalidKernelVersion(let rule, let text):
            return "rule '\(rule)': target_kernel_at_least '\(text)' is not a kernel version such as 4.12"
        case .invalidExcludePattern(let pattern, let source, let problem):
            return "\(source): exclude pattern '\(pattern)' \(problem)"
        }
    }
}
