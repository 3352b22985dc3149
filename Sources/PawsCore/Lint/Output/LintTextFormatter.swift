/// `path:line:col: error: net.ipv4.tcp_tw_recycle=1 (sysctl command): <why> [tw-recycle-nat]`, one
/// line per unsuppressed finding, as compilers write diagnostics (editors and CI log parsers jump
/// to them). Notices and the summary are rendered separately, for standard error.
public struct LintTextFormatter: LintReportFormatter {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ report: LintReport) -> String {
        report.activeFindings.map(line).joined()
    }

    public func line(_ finding: LintFinding) -> String {
        let location = finding.location.description
        let level = finding.level.rawValue
        let styledLevel = color ? "\(Self.colour(for: finding.level))\(level)\u{1B}[0m" : level
        let styledLocation = color ? "\u{1B}[1m\(location)\u{1B}[0m" : location
        return "\(styledLocation): \(styledLevel): \(finding.foundText): \(finding.message) [\(finding.ruleID)]\n"
    }

    /// `path:line: notice: message` and `path: skipped: reason` lines, then the summary.
    public func diagnostics(_ report: LintReport, verbose: Bool) -> String {
        var lines = report.notices.map { "\($0.location): notice: \($0.message)\n" }
        for skip in report.skipped where verbose || skip.isProblem || Self.isWorthMentioning(skip) {
            lines.append("\(skip.path): \(skip.isProblem ? "error" : "notice"): \(skip.message)\n")
        }
        lines.append("pawsguard lint: \(report.summary)\n")
        return lines.joined()
    }

    /// Skips that point at something odd in the tree, shown without `--verbose`.
    private static func isWorthMentioning(_ skip: LintSkip) -> Bool {
        switch skip.reason {
        case .symlinkLoop, .tooLarge, .notRegularFile: return true
        default: return false
        }
    }

    private static func colour(for level: LintCheck.Level) -> String {
        switch level {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;33m"
        case .note: return "\u{1B}[1;36m"
        }
    }
}
