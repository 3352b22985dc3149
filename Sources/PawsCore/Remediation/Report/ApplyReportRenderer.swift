import Foundation

/// Renders an `ApplyReport` in each of the audit's formats (`ReportFormat`).
public struct ApplyReportRenderer: Sendable {
    public var format: ReportFormat
    /// Include the unified diffs in the table, Markdown and HTML views (dry runs always do).
    public var showDiffs: Bool

    public init(format: ReportFormat, showDiffs: Bool = false) {
        self.format = format
        self.showDiffs = showDiffs
    }

    public func render(_ report: ApplyReport) -> String {
        switch format {
        case .table: return ApplyTableRenderer(showDiffs: showDiffs || report.dryRun).render(report)
        case .json: return ApplyJSONRenderer().render(report)
        case .markdown: return ApplyMarkdownRenderer(showDiffs: showDiffs || report.dryRun).render(report)
        case .html: return ApplyHTMLRenderer(showDiffs: showDiffs || report.dryRun).render(report)
        case .junit: return ApplyJUnitRenderer().render(report)
        case .prometheus: return ApplyPrometheusRenderer().render(report)
        }
    }
}

/// Short human descriptions shared by the text renderers.
enum ApplyReportText {
    static func changeSummary(_ plan: HostPlan?) -> String {
        guard let plan else { return "-" }
        if plan.isEmpty { return "none" }
        var parts: [String] = []
        if !plan.fileChanges.isEmpty {
            parts.append("\(plan.changedLineCount) line(s) in \(plan.fileChanges.count) file(s)")
        }
        if !plan.liveWrites.isEmpty {
            parts.append(plan.liveWrites.map { "live \($0.key) \($0.from)->\($0.to)" }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    static func summaryLine(_ report: ApplyReport) -> String {
        let counts = report.summary
        let parts = ApplyOutcome.allCases.compactMap { outcome -> String? in
            let count = counts[outcome.rawValue] ?? 0
            return count > 0 ? "\(count) \(outcome.rawValue)" : nil
        }
        return "\(report.hosts.count) host(s): " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
    }

    static func title(_ report: ApplyReport) -> String {
        "pawsguard apply, run \(report.runID)" + (report.dryRun ? " (dry run: nothing was changed)" : "")
    }
}

struct ApplyTableRenderer {
    var showDiffs: Bool

    func render(_ report: ApplyReport) -> String {
        var text = ApplyReportText.title(report) + "\n"
        if showDiffs {
            for host in report.hosts {
                guard let plan = host.plan, !plan.isEmpty else { continue }
                text += "\n== \(host.host) (\(host.address))" + (host.kernelRelease.map { ", kernel \($0)" } ?? "") + "\n"
                text += PlanDiff.render(plan, runID: report.runID)
                for note in plan.notes { text += "note: \(note)\n" }
            }
            text += "\n"
        }
        let rows = report.hosts.map { host in
            [host.host, host.outcome.rawValue, ApplyReportText.changeSummary(host.plan), host.reason ?? ""]
        }
        let header = ["HOST", "OUTCOME", "CHANGES", "REASON"]
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated().dropLast() { widths[index] = min(max(widths[index], cell.count), 60) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        text += line(header)
        for row in rows { text += line(row) }
        text += "\n" + ApplyReportText.summaryLine(report) + "\n"
        if let stopReason = report.stopReason { text += "rollout stopped: \(stopReason)\n" }
        if !report.dryRun && report.hosts.contains(where: { $0.applied }) {
            text += "undo with: pawsguard rollback \(report.runID)\n"
        }
        return text
    }
}

struct ApplyJSONRenderer {
    func render(_ report: ApplyReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(ApplyJSONDocument(report: report)), as: UTF8.self) + "\n"
        } catch {
            return #"{"error":"cannot encode the apply report"}"# + "\n"
        }
    }
}

/// The report plus its summary (computed, not decoded back).
private struct ApplyJSONDocument: Encodable {
    var report: ApplyReport

    private enum CodingKeys: String, CodingKey { case summary }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.summary, forKey: .summary)
    }
}

struct ApplyMarkdownRenderer {
    var showDiffs: Bool

    func render(_ report: ApplyReport) -> String {
        var text = "# \(ApplyReportText.title(report))\n\n"
        text += "| Host | Outcome | Changes | Reason |\n|---|---|---|---|\n"
        for host in report.hosts {
            let cells = [host.host, host.outcome.rawValue, ApplyReportText.changeSummary(host.plan), host.reason ?? ""].map(Self.cell)
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\n" + ApplyReportText.summaryLine(report) + "\n"
        if let stopReason = report.stopReason { text += "\nRollout stopped: \(Self.cell(stopReason))\n" }
        if showDiffs {
            for host in report.hosts {
                guard let plan = host.plan, !plan.isEmpty else { continue }
                text += "\n## \(Self.cell(host.host))\n\n```diff\n" + PlanDiff.render(plan, runID: report.runID).replacingOccurrences(of: "```", with: "` ` `") + "```\n"
            }
        }
        return text
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "<", with: "&lt;")
    }
}

struct ApplyHTMLRenderer {
    var showDiffs: Bool

    func render(_ report: ApplyReport) -> String {
        let title = Self.escape(ApplyReportText.title(report))
        var text = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(title)</title>"
        text += "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}pre{background:#f6f6f6;padding:8px}</style></head><body>\n"
        text += "<h1>\(title)</h1>\n<table><tr><th>Host</th><th>Outcome</th><th>Changes</th><th>Reason</th></tr>\n"
        for host in report.hosts {
            text += "<tr><td>\(Self.escape(host.host))</td><td>\(host.outcome.rawValue)</td><td>\(Self.escape(ApplyReportText.changeSummary(host.plan)))</td><td>\(Self.escape(host.reason ?? ""))</td></tr>\n"
        }
        text += "</table>\n<p>\(Self.escape(ApplyReportText.summaryLine(report)))</p>\n"
        if let stopReason = report.stopReason { text += "<p>Rollout stopped: \(Self.escape(stopReason))</p>\n" }
        if showDiffs {
            for host in report.hosts {
                guard let plan = host.plan, !plan.isEmpty else { continue }
                text += "<h2>\(Self.escape(host.host))</h2>\n<pre>\(Self.escape(PlanDiff.render(plan, runID: report.runID)))</pre>\n"
            }
        }
        return text + "</body></html>\n"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

struct ApplyJUnitRenderer {
    func render(_ report: ApplyReport) -> String {
        let failures = report.hosts.filter { $0.outcome.isFailure }.count
        let skipped = report.hosts.filter { $0.outcome == .skipped || $0.outcome == .notTouched }.count
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<testsuites><testsuite name=\"pawsguard apply \(report.runID)\" tests=\"\(report.hosts.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
        for host in report.hosts {
            let name = ApplyHTMLRenderer.escape(host.host)
            text += "  <testcase classname=\"pawsguard.apply\" name=\"\(name)\" time=\"\(String(format: "%.3f", host.durationSeconds))\">"
            let message = ApplyHTMLRenderer.escape(host.reason ?? host.outcome.rawValue)
            if host.outcome.isFailure {
                text += "<failure type=\"\(host.outcome.rawValue)\" message=\"\(message)\"/>"
            } else if host.outcome == .skipped || host.outcome == .notTouched {
                text += "<skipped message=\"\(message)\"/>"
            }
            text += "</testcase>\n"
        }
        return text + "</testsuite></testsuites>\n"
    }
}

struct ApplyPrometheusRenderer {
    func render(_ report: ApplyReport) -> String {
        var text = "# HELP pawsguard_apply_hosts Hosts of the last pawsguard apply run by outcome.\n# TYPE pawsguard_apply_hosts gauge\n"
        let counts = report.summary
        for outcome in ApplyOutcome.allCases {
            text += "pawsguard_apply_hosts{outcome=\"\(outcome.rawValue)\"} \(counts[outcome.rawValue] ?? 0)\n"
        }
        text += "# HELP pawsguard_apply_run_info The last pawsguard apply run.\n# TYPE pawsguard_apply_run_info gauge\n"
        text += "pawsguard_apply_run_info{run_id=\"\(report.runID)\",dry_run=\"\(report.dryRun)\"} 1\n"
        return text
    }
}
