/// A report to paste into a ticket or pull request: counts, a host table (most urgent first), each
/// host's findings with origins and evidence, and the hosts that could not be audited.
public struct MarkdownReportFormatter: AuditReportFormatter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: AuditReport) -> String {
        let hosts = HostStanding.sortedMostUrgentFirst(report.hosts)
        var lines = ["# pawsguard audit report", "", metadataLine(report), ""]
        lines += summaryTable(report.summary)
        guard !hosts.isEmpty else { return (lines + ["", "No hosts in this report."]).joined(separator: "\n") + "\n" }
        lines += ["", "## Hosts", ""] + hostTable(hosts)

        let withFindings = hosts.filter { $0.status == .audited && !$0.findings.isEmpty }
        if !withFindings.isEmpty {
            lines += ["", "## Findings"]
            for host in withFindings {
                lines += [""] + hostSection(host, sampleInterval: host.facts?.sampleIntervalSeconds ?? report.sampleIntervalSeconds)
            }
        }
        let failed = hosts.filter { $0.status == .failed }
        if !failed.isEmpty {
            lines += ["", "## Hosts not audited", ""]
            lines += failed.map { host in
                let failure = host.failure.map { "\($0.kind.rawValue): \($0.message)" } ?? "no reason recorded"
                return "- **\(e(host.host))**\(addressSuffix(host)): \(e(failure))"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func e(_ value: String) -> String { MarkdownText.escape(value) }

    private func metadataLine(_ report: AuditReport) -> String {
        var parts = ["Generated \(e(report.generatedAt)) by \(e(report.tool)) \(e(report.toolVersion))"]
        if !report.playbooks.isEmpty { parts.append("playbooks: " + report.playbooks.map(e).joined(separator: ", ")) }
        if let interval = report.sampleIntervalSeconds { parts.append("counter sample interval: \(interval) s") }
        return parts.joined(separator: " · ")
    }

    private func summaryTable(_ summary: AuditSummary) -> [String] {
        let severities = Array(Severity.allCases.reversed())
        let header = ["Hosts", "Audited", "Failed"] + severities.map { $0.rawValue.capitalized } + ["Clean"]
        let values = [summary.hosts, summary.audited, summary.failed]
            + severities.map { summary.hostsBySeverity[$0.rawValue] ?? 0 } + [summary.clean]
        return [row(header), row(header.map { _ in "---:" }), row(values.map(String.init))]
    }

    private func hostTable(_ hosts: [HostAudit]) -> [String] {
        let keyTitle = e(HostSummaryRow.focusKeyTitle(options.focusKey))
        let header = ["Host", "Status", "Kernel", "\(keyTitle) live", "procps@boot", "systemd@boot", "NAT", "Top finding"]
        return [row(header), row(header.map { _ in "---" })] + hosts.map { host in
            let summary = HostSummaryRow(host, focusKey: options.focusKey)
            return row([e(summary.host), "**\(summary.standing)**", e(summary.kernel), e(summary.live),
                        e(summary.procpsAtBoot), e(summary.systemdAtBoot), e(summary.nat), e(summary.headline)])
        }
    }

    private func hostSection(_ host: HostAudit, sampleInterval: Int?) -> [String] {
        var lines = ["### \(e(host.host)) — \(HostStanding(host))", ""]
        var facts = [String]()
        if !host.address.isEmpty && host.address != host.host { facts.append("address " + e(host.address)) }
        if let kernel = host.kernelRelease { facts.append("kernel " + e(kernel)) }
        if let system = host.operatingSystem { facts.append(e(system)) }
        if !facts.isEmpty { lines += [facts.joined(separator: " · "), ""] }

        for finding in host.findings {
            lines.append("- **\(finding.severity.rawValue)** \(e(finding.ruleID)) — \(e(finding.title))")
            lines.append("  - \(e(finding.message))")
            if !finding.origins.isEmpty {
                lines.append("  - origin: " + finding.origins.map { e($0.description) }.joined(separator: ", "))
            }
            if !finding.remediation.isEmpty { lines.append("  - remediation: \(e(finding.remediation))") }
        }
        guard let hostFacts = host.facts else { return lines }
        let readings = CounterReading.readings(of: hostFacts)
        if !readings.isEmpty {
            let interval = sampleInterval.map { "Δ over \($0) s" } ?? "Δ over the sample"
            lines += ["", row(["Counter", "Since boot", interval]), row(["---", "---:", "---:"])]
            lines += readings.map { reading in
                row([e(reading.name), reading.sinceBoot.map(String.init) ?? "", reading.delta.map { "+\($0)" } ?? ""])
            }
        }
        if !hostFacts.nat.evidence.isEmpty {
            lines += ["", "NAT: **\(hostFacts.nat.state.rawValue)** — " + hostFacts.nat.evidence.map { e($0.description) }.joined(separator: "; ")]
        }
        return lines
    }

    private func addressSuffix(_ host: HostAudit) -> String {
        host.address.isEmpty || host.address == host.host ? "" : " (\(e(host.address)))"
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}
