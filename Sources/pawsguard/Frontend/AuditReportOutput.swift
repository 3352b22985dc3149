import ArgumentParser
import PawsCore

/// Writes an audit report to each requested destination and turns it into an exit status;
/// shared by `audit` and `report merge`.
enum AuditReportOutput {
    static func write(_ report: AuditReport, to destinations: [(format: ReportFormat, path: String?)], ruleIDs: [String]) throws {
        for destination in destinations {
            let options = ReportOptions(color: destination.path == nil && Terminal.wantsColor, terminalWidth: Terminal.width)
            let text = destination.format.formatter(options: options, ruleIDs: ruleIDs).render(report)
            if let path = destination.path {
                try Terminal.write(text, to: path)
            } else {
                Terminal.out(text)
            }
        }
    }

    /// 1 when a finding is at or above `failOn` (findings matter more than unreachable hosts),
    /// else 3 when a host could not be audited, else success.
    static func exitIfNeeded(_ report: AuditReport, failOn: Severity) throws {
        if report.hosts.contains(where: { host in host.findings.contains { $0.severity >= failOn } }) {
            throw ExitCode(ExitStatus.findings)
        }
        if report.hosts.contains(where: { $0.status == .failed }) { throw ExitCode(ExitStatus.hostsFailed) }
    }
}
