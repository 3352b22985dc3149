/// Renders a whole lint report as one document.
public protocol LintReportFormatter: Sendable {
    func render(_ report: LintReport) -> String
}
