import Foundation

/// The output formats of `pawsguard audit --format` and `report merge`, and how to get each one's formatter.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Aligned columns for a terminal; the default when stdout is a TTY.
    case table
    /// The versioned machine-readable schema (docs/REPORT-SCHEMA.md); `report merge` reads it back.
    case json
    /// For tickets and pull requests.
    case markdown
    /// One self-contained page to attach to an incident.
    case html
    /// JUnit XML for CI dashboards: one test case per host and rule.
    case junit
    /// node_exporter textfile-collector metrics.
    case prometheus

    /// Accepts the format names plus common aliases, case-insensitively: `md`, `htm`, `xml`, `prom`, `text`.
    public init?(name: String) {
        let normalized = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let format = ReportFormat(rawValue: normalized) {
            self = format
            return
        }
        switch normalized {
        case "md": self = .markdown
        case "htm": self = .html
        case "xml": self = .junit
        case "prom", "openmetrics-text", "textfile": self = .prometheus
        case "text", "txt": self = .table
        default: return nil
        }
    }

    /// `init(name:)`, throwing an error that lists the accepted names.
    public static func parse(_ name: String) throws(ReportFormatError) -> ReportFormat {
        guard let format = ReportFormat(name: name) else { throw .unknownFormat(name) }
        return format
    }

    /// The format an output path asks for by its extension (`-o report.html`), if any.
    public static func inferred(fromPath path: String) -> ReportFormat? {
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        let fileExtension = String(fileName[fileName.index(after: dot)...])
        return allCases.first { $0.defaultFileExtension == fileExtension.lowercased() } ?? ReportFormat(name: fileExtension)
    }

    /// `txt`, `json`, `md`, `html`, `xml`, `prom` (node_exporter's textfile collector reads `*.prom`).
    public var defaultFileExtension: String {
        switch self {
        case .table: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        case .html: return "html"
        case .junit: return "xml"
        case .prometheus: return "prom"
        }
    }

    /// A formatter for this format.
    ///
    /// - Parameter ruleIDs: every rule of the playbooks that ran, for `junit` (a rule that did not fire
    ///   becomes a passing test case). Without it JUnit lists only rules that fired somewhere.
    public func formatter(options: ReportOptions = ReportOptions(), ruleIDs: [String] = []) -> any AuditReportFormatter {
        switch self {
        case .table: return TableReportFormatter(options: options)
        case .json: return JSONReportFormatter()
        case .markdown: return MarkdownReportFormatter(options: options)
        case .html: return HTMLReportFormatter(options: options)
        case .junit: return JUnitReportFormatter(ruleIDs: ruleIDs)
        case .prometheus: return PrometheusReportFormatter()
        }
    }

    public var description: String { rawValue }
}
