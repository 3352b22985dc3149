extension CaptureReportRenderer {
    /// GitHub-flavoured Markdown, to paste into a ticket.
    public static func markdown(_ verdict: CaptureVerdict) -> String {
        let document = CaptureReportDocument(verdict)
        var lines = [
            "# \(escape(document.title))",
            "",
            "**Verdict: \(escape(document.verdictLabel)).** \(escape(document.summary))",
        ]
        for section in document.sections {
            lines.append("")
            lines.append("## \(escape(section.heading))")
            for block in section.blocks {
                lines.append("")
                switch block {
                case .paragraph(let text):
                    lines.append(escape(text))
                case .notes(let notes):
                    lines.append(contentsOf: notes.map { "- \(escape($0))" })
                case .table(let table):
                    lines.append("| " + table.headers.map(escapeCell).joined(separator: " | ") + " |")
                    lines.append("|" + table.headers.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }
                        .joined())
                    for row in table.rows {
                        lines.append("| " + row.map(escapeCell).joined(separator: " | ") + " |")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keeps capture-derived text (file names) from turning into Markdown markup.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func escapeCell(_ text: String) -> String {
        escape(text).replacingNewlines
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
