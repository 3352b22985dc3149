extension CaptureReportRenderer {
    /// One self-contained HTML page: inline CSS, no scripts, no external resources.
    public static func html(_ verdict: CaptureVerdict) -> String {
        let document = CaptureReportDocument(verdict)
        let verdictClass: String
        switch verdict.signature {
        case .pawsTimestampRejection: verdictClass = "paws"
        case .listenQueueDrops: verdictClass = "listen"
        case .none: verdictClass = "clean"
        }
        var body: [String] = [
            "<h1>\(escape(document.title))</h1>",
            "<p class=\"verdict \(verdictClass)\"><strong>Verdict: \(escape(document.verdictLabel)).</strong> "
                + "\(escape(document.summary))</p>",
        ]
        for section in document.sections {
            body.append("<section>")
            body.append("<h2>\(escape(section.heading))</h2>")
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    body.append("<p>\(escape(text))</p>")
                case .notes(let notes):
                    body.append("<ul class=\"notes\">" + notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
                case .table(let table):
                    body.append(htmlTable(table))
                }
            }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(document.title))</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #1a1a1a; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
            table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
            th { background: #f0f0f0; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
            .verdict { padding: 0.8em 1em; border-left: 6px solid; }
            .verdict.paws { border-color: #c62828; background: #fdecea; }
            .verdict.listen { border-color: #ef6c00; background: #fff3e0; }
            .verdict.clean { border-color: #2e7d32; background: #e8f5e9; }
            .notes li { color: #555; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private static func htmlTable(_ table: CaptureReportDocument.ReportTable) -> String {
        var rows = ["<table>", "<tr>" + table.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"]
        for row in table.rows {
            rows.append("<tr>" + row.enumerated().map { column, cell in
                let cellClass = table.numericColumns.contains(column) ? " class=\"number\"" : ""
                return "<td\(cellClass)>\(escape(cell))</td>"
            }.joined() + "</tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
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
