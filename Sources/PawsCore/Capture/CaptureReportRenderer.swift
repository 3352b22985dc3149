/// The output formats of `pawsguard pcap`.
public enum CaptureReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned plain-text tables for a terminal.
    case table
    case json
    case markdown
    /// One self-contained page (inline CSS, no external resources).
    case html

    /// The format a file name asks for by its extension (`.json`, `.md`, `.html`), if any.
    public init?(fileExtensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "txt", "text": self = .table
        default: return nil
        }
    }
}

/// Renders a `CaptureVerdict` as text in each format; one file per format holds the details.
public enum CaptureReportRenderer {
    public static func render(_ verdict: CaptureVerdict, as format: CaptureReportFormat) -> String {
        switch format {
        case .table: return table(verdict)
        case .json: return json(verdict)
        case .markdown: return markdown(verdict)
        case .html: return html(verdict)
        }
    }
}
