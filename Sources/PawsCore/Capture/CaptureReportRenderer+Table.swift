extension CaptureReportRenderer {
    /// Plain text with aligned columns, for a terminal (no colour codes, so it pastes cleanly).
    public static func table(_ verdict: CaptureVerdict) -> String {
        let document = CaptureReportDocument(verdict)
        var lines = [
            document.title,
            "Verdict: \(document.verdictLabel)",
            document.summary,
        ]
        for section in document.sections {
            lines.append("")
            lines.append("== \(section.heading) ==")
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    lines.append(text)
                case .notes(let notes):
                    lines.append(contentsOf: notes.map { "note: \($0)" })
                case .table(let table):
                    lines.append(contentsOf: alignedLines(table))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func alignedLines(_ table: CaptureReportDocument.ReportTable) -> [String] {
        let all = [table.headers] + table.rows
        var widths = Array(repeating: 0, count: table.headers.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return table.numericColumns.contains(column) ? padding + cell : cell + padding
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
    }
}
