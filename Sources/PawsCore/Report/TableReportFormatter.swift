/// The terminal view: a fleet summary line, one aligned row per host (most urgent first), then the
/// findings of each host that has any, wrapped to the terminal width.
public struct TableReportFormatter: AuditReportFormatter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    private static let columnGap = "  "
    /// Wide enough for any rule id; the title after it is cut first.
    private static let headlineMinimumWidth = 32
    /// Caps per fixed column (HOST … NAT) so one odd value cannot push the table off the screen;
    /// the details below the table show every value in full.
    private static let columnMaximumWidths = [32, 8, 28, 16, 16, 16, 11]
    /// `  CRITICAL  ` — the label column of the detail lines.
    private static let detailIndent = 12

    public func render(_ report: AuditReport) -> String {
        let hosts = HostStanding.sortedMostUrgentFirst(report.hosts)
        var lines = [summaryLine(report.summary)]
        guard !hosts.isEmpty else { return (lines + ["no hosts in this report"]).joined(separator: "\n") + "\n" }
        lines.append("")
        lines += tableLines(hosts.map { HostSummaryRow($0, focusKey: options.focusKey) })
        for host in hosts where host.status == .failed || !host.findings.isEmpty {
            lines.append("")
            lines += detailLines(host, sampleInterval: host.facts?.sampleIntervalSeconds ?? report.sampleIntervalSeconds)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func summaryLine(_ summary: AuditSummary) -> String {
        var parts = ["\(summary.hosts) host\(summary.hosts == 1 ? "" : "s"): \(summary.audited) audited, "
            + ANSIStyle.magenta.apply(to: "\(summary.failed) failed", enabled: options.color && summary.failed > 0)]
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let count = summary.hostsBySeverity[severity.rawValue], count > 0 else { return nil }
            return ANSIStyle.forSeverity(severity).apply(to: "\(severity.rawValue) \(count)", enabled: options.color)
        }
        parts.append("worst finding: " + (bySeverity.isEmpty ? "none" : bySeverity.joined(separator: ", ")))
        parts.append(ANSIStyle.green.apply(to: "clean \(summary.clean)", enabled: options.color && summary.clean > 0))
        return parts.joined(separator: " | ")
    }

    private func tableLines(_ rows: [HostSummaryRow]) -> [String] {
        let header = ["HOST", "STATUS", "KERNEL", HostSummaryRow.shortFocusKeyTitle(options.focusKey).uppercased(),
                      "PROCPS@BOOT", "SYSTEMD@BOOT", "NAT", "TOP FINDING"]
        let cells = rows.map { row in
            [row.host, row.standing.description, row.kernel, row.live, row.procpsAtBoot, row.systemdAtBoot, row.nat, row.headline]
                .map(TerminalText.sanitized)
        }
        let fixedColumns = header.count - 1
        let widths = (0..<fixedColumns).map { column in
            min(cells.reduce(TerminalText.displayWidth(header[column])) { max($0, TerminalText.displayWidth($1[column])) },
                max(Self.columnMaximumWidths[column], TerminalText.displayWidth(header[column])))
        }
        let usedWidth = widths.reduce(0, +) + Self.columnGap.count * fixedColumns
        let headlineWidth = max(options.terminalWidth - usedWidth, Self.headlineMinimumWidth)

        func line(_ values: [String], styles: [ANSIStyle?]) -> String {
            var text = ""
            for (column, value) in values.enumerated() {
                let shown = TerminalText.truncated(value, to: column < fixedColumns ? widths[column] : headlineWidth)
                let styled = styles[column].map { $0.apply(to: shown, enabled: options.color) } ?? shown
                if column < fixedColumns {
                    let padding = widths[column] - TerminalText.displayWidth(shown)
                    text += styled + String(repeating: " ", count: max(padding, 0)) + Self.columnGap
                } else {
                    text += styled
                }
            }
            return text.trimmingTrailingSpaces()
        }

        let headerLine = line(header, styles: Array(repeating: .bold, count: header.count))
        return [headerLine] + zip(rows, cells).map { row, values in
            var styles = [ANSIStyle?](repeating: nil, count: header.count)
            styles[1] = ANSIStyle.forStanding(row.standing)
            return line(values, styles: styles)
        }
    }

    private func detailLines(_ host: HostAudit, sampleInterval: Int?) -> [String] {
        let standing = HostStanding(host)
        let title = TerminalText.sanitized(host.host) + (host.address.isEmpty || host.address == host.host
            ? "" : " (\(TerminalText.sanitized(host.address)))")
        var lines = [ANSIStyle.bold.apply(to: title, enabled: options.color) + " "
            + ANSIStyle.forStanding(standing).apply(to: standing.description, enabled: options.color)]

        if host.status == .failed, let failure = host.failure {
            lines += labelled("FAILED", style: .magenta, text: "\(failure.kind.rawValue): \(failure.message)")
            return lines
        }
        for finding in host.findings {
            lines += labelled(finding.severity.rawValue.uppercased(), style: ANSIStyle.forSeverity(finding.severity),
                              text: "\(finding.ruleID): \(finding.title)")
            lines += continuation(finding.message)
            if !finding.origins.isEmpty {
                lines += continuation("at " + finding.origins.map(\.description).joined(separator: ", "))
            }
        }
        if let facts = host.facts {
            if let counters = countersText(facts, sampleInterval: sampleInterval) {
                lines += labelled("evidence", style: nil, text: counters)
            }
            if !facts.nat.evidence.isEmpty {
                lines += labelled("nat", style: nil, text: "\(facts.nat.state.rawValue): \(facts.nat.summary)")
            }
        }
        return lines
    }

    private func countersText(_ facts: HostFacts, sampleInterval: Int?) -> String? {
        let readings = CounterReading.readings(of: facts)
        let sinceBoot = readings.compactMap { reading in reading.sinceBoot.map { "\(reading.name)=\($0)" } }
        let deltas = readings.compactMap { reading in reading.delta.map { "\(reading.name) +\($0)" } }
        var parts: [String] = []
        if !sinceBoot.isEmpty { parts.append("since boot " + sinceBoot.joined(separator: " ")) }
        if !deltas.isEmpty {
            parts.append("over " + (sampleInterval.map { "\($0)s" } ?? "the sample") + " " + deltas.joined(separator: ", "))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `  LABEL     text…` with the text wrapped under itself.
    private func labelled(_ label: String, style: ANSIStyle?, text: String) -> [String] {
        let wrapped = TerminalText.wrapped(TerminalText.sanitized(text), width: options.terminalWidth - Self.detailIndent)
        let padding = String(repeating: " ", count: max(Self.detailIndent - 2 - label.count, 1))
        let prefix = "  " + (style?.apply(to: label, enabled: options.color) ?? label) + padding
        return [prefix + wrapped[0]] + indented(wrapped.dropFirst())
    }

    private func continuation(_ text: String) -> [String] {
        indented(TerminalText.wrapped(TerminalText.sanitized(text), width: options.terminalWidth - Self.detailIndent)[...])
    }

    private func indented(_ lines: ArraySlice<String>) -> [String] {
        lines.map { String(repeating: " ", count: Self.detailIndent) + $0 }
    }
}
