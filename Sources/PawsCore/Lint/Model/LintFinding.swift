/// A playbook rule's lint check that holds for one assignment in a repository.
public struct LintFinding: Sendable, Hashable {
    /// The playbook rule id (`tw-recycle-nat`): the same id `audit` reports and suppressions name.
    public var ruleID: String
    public var level: LintCheck.Level
    /// The rule's lint message.
    public var message: String
    public var candidate: SysctlAssignmentCandidate
    /// Stable across unrelated edits of the file (see `LintFingerprint`): code scanning tracks the
    /// finding by it when lines move.
    public var fingerprint: String
    /// Set when an inline comment silenced the finding.
    public var suppression: LintSuppression?
    /// The line the key is on, without surrounding blanks (cut at 240 characters).
    public var snippet: String

    public init(
        ruleID: String, level: LintCheck.Level, message: String, candidate: SysctlAssignmentCandidate,
        fingerprint: String, suppression: LintSuppression? = nil, snippet: String = ""
    ) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.candidate = candidate
        self.fingerprint = fingerprint
        self.suppression = suppression
        self.snippet = snippet
    }

    public var location: SourceLocation { candidate.location }
    public var isSuppressed: Bool { suppression != nil }

    /// `net.ipv4.tcp_tw_recycle=1 (sysctl command)`: what was found, for one-line output.
    public var foundText: String {
        "\(candidate.key.dotted)=\(candidate.rawValue) (\(candidate.context.form))"
    }

    /// Order of reports: by file, line, column, then rule id.
    public static func reportOrder(_ lhs: LintFinding, _ rhs: LintFinding) -> Bool {
        let left = lhs.location
        let right = rhs.location
        if left.path != right.path { return left.path < right.path }
        if left.line != right.line { return left.line < right.line }
        if (left.column ?? 0) != (right.column ?? 0) { return (left.column ?? 0) < (right.column ?? 0) }
        return lhs.ruleID < rhs.ruleID
    }
}
