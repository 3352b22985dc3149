/// Collects what the linter reports about one file.
public struct LintFileResult: LintConsumer, Sendable, Hashable {
    public var findings: [LintFinding] = []
    public var notices: [LintNotice] = []

    public init() {}

    public mutating func consume(_ finding: LintFinding) { findings.append(finding) }
    public mutating func consume(_ notice: LintNotice) { notices.append(notice) }
}
