/// Where the linter reports what it finds, one file at a time (like swift-format's diagnostics
/// engine): a collector for tests and reports, or a consumer that streams.
public protocol LintConsumer {
    /// A rule that holds for an assignment; `finding.suppression` is set when a comment silenced it.
    mutating func consume(_ finding: LintFinding)
    mutating func consume(_ notice: LintNotice)
}
