/// One self-contained HTML page to attach to an incident: fleet counts and unreachable hosts at the
/// top, the host table most urgent first, then each host's evidence (keys with the line behind every
/// persisted value, counters and their growth, NAT evidence, findings with remediation).
///
/// No external assets: styles are inline and the only script (a filter box) is optional. Every value
/// that came from a host is escaped, so a host name or a file line such as `<script>` renders as text.
public struct HTMLReportFormatter: AuditReportFormatter {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: AuditReport) -> String {
        let hosts = HostStanding.sortedMostUrgentFirst(report.hosts)
        var html = HTMLBuffer()
        html.line("<!DOCTYPE html>")
        html.line(#"<html lang="en">"#)
        html.line("<head>")
        html.line(#"<meta charset="utf-8">"#)
        html.line(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
        html.line("<title>pawsguard audit \(t(report.generatedAt))</title>")
        html.line("<style>\n\(HTMLReportStyle.css)\n</style>")
        html.line("</head>")
        html.line("<body>")
        header(report, into: &html)
        summary(report.summary, failed: hosts.filter { $0.status == .failed }, into: &html)
        hostTable(hosts, into: &html)
        if !hosts.isEmpty {
            html.line(#"<section id="details">"#)
            html.line("<h2>Host details</h2>")
            for (index, host) in hosts.enumerated() {
                details(host, anchor: anchor(index), sampleInterval: host.facts?.sampleIntervalSeconds ?? report.sampleIntervalSeconds, into: &html)
            }
            html.line("</section>")
        }
        html.line("<script>\n\(HTMLReportStyle.filterScript)\n</script>")
        html.line("</body>")
        html.line("</html>")
        return html.text
    }

    /// Element text.
    private func t(_ value: String) -> String { MarkupEscaping.text(value) }
    /// Attribute value.
    private func a(_ value: String) -> String { MarkupEscaping.attribute(value) }

    /// Anchors are positional so no host-controlled text ends up in an id.
    private func anchor(_ index: Int) -> String { "host-\(index + 1)" }

    private func header(_ report: AuditReport, into html: inout HTMLBuffer) {
        html.line("<header>")
        html.line("<h1>pawsguard audit report</h1>")
        var meta = ["generated \(t(report.generatedAt))", "\(t(report.tool)) \(t(report.toolVersion))"]
        if !report.playbooks.isEmpty {
            meta.append("playbooks: " + report.playbooks.map { "<code>\(t($0))</code>" }.joined(separator: ", "))
        }
        if let interval = report.sampleIntervalSeconds { meta.append("counters sampled over \(interval) s") }
        html.line(#"<p class="meta">"# + meta.joined(separator: " · ") + "</p>")
        html.line("</header>")
    }

    private func summary(_ summary: AuditSummary, failed: [HostAudit], into html: inout HTMLBuffer) {
        html.line(#"<section id="summary">"#)
        html.line("<h2>Fleet summary</h2>")
        html.line(#"<ul class="cards">"#)
        html.line("<li>hosts<b>\(summary.hosts)</b></li>")
        html.line("<li>audited<b>\(summary.audited)</b></li>")
        for severity in Severity.allCases.reversed() {
            html.line(#"<li class="s-\#(severity.rawValue)">\#(severity.rawValue)<b>\#(summary.hostsBySeverity[severity.rawValue] ?? 0)</b></li>"#)
        }
        html.line(#"<li class="s-failed">failed<b>\#(summary.failed)</b></li>"#)
        html.line(#"<li class="s-clean">clean<b>\#(summary.clean)</b></li>"#)
        html.line("</ul>")
        if !failed.isEmpty {
            html.line("<h4>Hosts not audited</h4>")
            html.line("<ul>")
            for host in failed {
                let reason = host.failure.map { "<code>\(t($0.kind.rawValue))</code> \(t($0.message))" } ?? "no reason recorded"
                html.line("<li><b>\(t(host.host))</b>\(addressSuffix(host)): \(reason)</li>")
            }
            html.line("</ul>")
        }
        html.line("</section>")
    }

    private func hostTable(_ hosts: [HostAudit], into html: inout HTMLBuffer) {
        html.line(#"<section id="hosts">"#)
        html.line("<h2>Hosts, most urgent first</h2>")
        guard !hosts.isEmpty else {
            html.line("<p>No hosts in this report.</p></section>")
            return
        }
        html.line(#"<input id="host-filter" type="search" placeholder="filter hosts, rules, kernels" aria-label="filter hosts" hidden>"#)
        let keyTitle = t(HostSummaryRow.focusKeyTitle(options.focusKey))
        html.line("<table>")
        html.line("<thead><tr><th>Host</th><th>Status</th><th>Kernel</th><th>\(keyTitle) live</th><th>procps@boot</th>"
            + "<th>systemd@boot</th><th>NAT</th><th>Top finding</th></tr></thead>")
        html.line("<tbody>")
        for (index, host) in hosts.enumerated() {
            let row = HostSummaryRow(host, focusKey: options.focusKey)
            html.line(#"<tr class="s-\#(row.standing)" data-filter="\#(a(filterText(row)))">"#
                + ##"<td><a href="#\##(anchor(index))">\##(t(row.host))</a></td>"##
                + #"<td><span class="badge">\#(row.standing)</span></td>"#
                + "<td class=\"nowrap\">\(t(row.kernel))</td><td class=\"mono\">\(t(row.live))</td>"
                + "<td class=\"mono\">\(t(row.procpsAtBoot))</td><td class=\"mono\">\(t(row.systemdAtBoot))</td>"
                + "<td>\(t(row.nat))</td><td>\(t(row.headline))</td></tr>")
        }
        html.line("</tbody>")
        html.line("</table>")
        html.line("</section>")
    }

    private func filterText(_ row: HostSummaryRow) -> String {
        [row.host, row.address, row.standing.description, row.kernel, row.nat, row.headline].joined(separator: " ")
    }

    private func details(_ host: HostAudit, anchor: String, sampleInterval: Int?, into html: inout HTMLBuffer) {
        let row = HostSummaryRow(host, focusKey: options.focusKey)
        let open = row.standing == .clean ? "" : " open"
        html.line(#"<details class="host s-\#(row.standing)" id="\#(anchor)" data-filter="\#(a(filterText(row)))"\#(open)>"#)
        html.line(#"<summary><h3>\#(t(host.host))</h3> <span class="badge">\#(row.standing)</span></summary>"#)
        var facts = [String]()
        if !host.address.isEmpty { facts.append("address <code>\(t(host.address))</code>") }
        if let kernel = host.kernelRelease { facts.append("kernel <code>\(t(kernel))</code>") }
        if let system = host.operatingSystem { facts.append(t(system)) }
        facts.append("audited in \(formatSeconds(host.durationSeconds))")
        html.line(#"<p class="muted">"# + facts.joined(separator: " · ") + "</p>")

        if host.status == .failed {
            let failure = host.failure.map { "<code>\(t($0.kind.rawValue))</code> \(t($0.message))" } ?? "no reason recorded"
            html.line("<p><b>Not audited:</b> \(failure)</p>")
            html.line("</details>")
            return
        }
        findings(host.findings, into: &html)
        if let hostFacts = host.facts {
            keyTable(hostFacts, into: &html)
            counterTable(hostFacts, sampleInterval: sampleInterval, into: &html)
            nat(hostFacts.nat, into: &html)
            if !hostFacts.unreadableFiles.isEmpty {
                html.line("<h4>Configuration files the audit user could not read</h4>")
                html.line("<ul>" + hostFacts.unreadableFiles.map { "<li><code>\(t($0))</code></li>" }.joined() + "</ul>")
            }
        }
        html.line("</details>")
    }

    private func findings(_ findings: [Finding], into html: inout HTMLBuffer) {
        guard !findings.isEmpty else {
            html.line("<p>No findings.</p>")
            return
        }
        html.line("<h4>Findings</h4>")
        for finding in findings {
            html.line(#"<div class="finding s-\#(finding.severity.rawValue)">"#)
            html.line(#"<p><span class="badge">\#(finding.severity.rawValue)</span> <code>\#(t(finding.ruleID))</code> "#
                + "<b>\(t(finding.title))</b></p>")
            html.line("<p>\(t(finding.message))</p>")
            if !finding.origins.isEmpty {
                html.line("<p>Origin: " + finding.origins.map { "<code>\(t($0.description))</code>" }.joined(separator: ", ") + "</p>")
            }
            if !finding.remediation.isEmpty { html.line("<p><b>Remediation:</b> \(t(finding.remediation))</p>") }
            if !finding.references.isEmpty {
                // Shown as text, not links: the page loads and links nothing outside itself.
                html.line("<p class=\"muted\">References: " + finding.references.map { "<code>\(t($0))</code>" }.joined(separator: ", ") + "</p>")
            }
            html.line("</div>")
        }
    }

    private func keyTable(_ facts: HostFacts, into html: inout HTMLBuffer) {
        guard !facts.keys.isEmpty else { return }
        html.line("<h4>Keys</h4>")
        html.line("<table><thead><tr><th>Key</th><th>Live</th><th>procps@boot (origin)</th><th>systemd@boot (origin)</th>"
            + "<th>Every line that sets it</th></tr></thead><tbody>")
        for key in facts.keys.keys.sorted() {
            guard let keyFacts = facts.keys[key] else { continue }
            let assignments = keyFacts.assignments.map { assignment -> String in
                var notes = [String]()
                if !assignment.effectiveUnder.isEmpty {
                    notes.append("effective under " + assignment.effectiveUnder.map(\.rawValue).joined(separator: ", "))
                }
                if assignment.ignoreFailure { notes.append("failure ignored (-key)") }
                if assignment.viaGlob { notes.append("via glob") }
                let suffix = notes.isEmpty ? "" : #" <span class="muted">("# + t(notes.joined(separator: "; ")) + ")</span>"
                return "<code>\(t(assignment.location.description))</code> = <code>\(t(assignment.value))</code>\(suffix)"
            }
            html.line("<tr><td><code>\(t(key))</code></td><td class=\"mono\">\(t(keyFacts.live.description))</td>"
                + "<td>\(persisted(keyFacts.procps))</td><td>\(persisted(keyFacts.systemd))</td>"
                + "<td>\(assignments.isEmpty ? #"<span class="muted">none</span>"# : assignments.joined(separator: "<br>"))</td></tr>")
        }
        html.line("</tbody></table>")
    }

    private func persisted(_ value: PersistedValue?) -> String {
        guard let value else { return #"<span class="muted">not set (kernel default)</span>"# }
        return "<code>\(t(value.value))</code> <span class=\"muted\">(\(t(value.origin.description)))</span>"
    }

    private func counterTable(_ facts: HostFacts, sampleInterval: Int?, into html: inout HTMLBuffer) {
        let readings = CounterReading.readings(of: facts)
        guard !readings.isEmpty else { return }
        let interval = sampleInterval.map { "Δ over \($0) s" } ?? "Δ over the sample"
        html.line("<h4>TcpExt counters</h4>")
        html.line("<table class=\"narrow\"><thead><tr><th>Counter</th><th>Since boot</th><th>\(interval)</th></tr></thead><tbody>")
        for reading in readings {
            html.line("<tr><td><code>\(t(reading.name))</code></td><td class=\"num\">\(reading.sinceBoot.map(String.init) ?? "")</td>"
                + "<td class=\"num\">\(reading.delta.map { "+\($0)" } ?? "")</td></tr>")
        }
        html.line("</tbody></table>")
    }

    private func nat(_ assessment: NatAssessment, into html: inout HTMLBuffer) {
        html.line("<h4>NAT exposure: \(t(assessment.state.rawValue))</h4>")
        if assessment.evidence.isEmpty {
            html.line(#"<p class="muted">No evidence either way.</p>"#)
        } else {
            html.line("<ul>" + assessment.evidence.map { "<li>\(t($0.description))</li>" }.joined() + "</ul>")
        }
    }

    private func addressSuffix(_ host: HostAudit) -> String {
        host.address.isEmpty || host.address == host.host ? "" : " (\(t(host.address)))"
    }

    private func formatSeconds(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "an unknown time" }
        return String(Int((seconds * 1000).rounded())) + " ms"
    }
}

/// Accumulates the page line by line.
private struct HTMLBuffer {
    private(set) var text = ""

    mutating func line(_ content: String) {
        text += content
        text += "\n"
    }
}
