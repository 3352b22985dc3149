import XCTest
@testable import PawsCore

final class TableReportFormatterTests: XCTestCase {
    private let report = SampleAuditReport.make()

    private func render(color: Bool = false, width: Int = 100, _ report: AuditReport? = nil) -> String {
        TableReportFormatter(options: ReportOptions(color: color, terminalWidth: width)).render(report ?? self.report)
    }

    func testSummaryLineComesFirst() {
        let firstLine = render().split(separator: "\n", omittingEmptySubsequences: false)[0]
        XCTAssertEqual(firstLine, "6 hosts: 4 audited, 2 failed | worst finding: critical 1, high 1, medium 1 | clean 1")
    }

    func testHostsSortCriticalThenHighThenFailedThenMedium() throws {
        let lines = render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headerIndex = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("HOST ") })
        let rows = lines[(headerIndex + 1)...].prefix { !$0.isEmpty }
        let statuses = rows.map { cell($0, header: lines[headerIndex], column: "STATUS") }
        XCTAssertEqual(statuses, ["critical", "high", "failed", "failed", "medium", "clean"])
        XCTAssertTrue(rows[rows.startIndex].hasPrefix("db-incident-01 "))
        XCTAssertTrue(rows[rows.startIndex + 2].hasPrefix("bastion-02 "), "failed hosts tie-break by name")
        XCTAssertTrue(rows.last?.hasPrefix("cache-01 ") == true)
    }

    func testNoEscapeSequencesWithoutColourEvenFromHostileValues() {
        let text = render()
        XCTAssertFalse(text.contains("\u{1B}"), "no ANSI codes when colour is off, and none smuggled in by a host")
        XCTAssertFalse(text.contains("\u{07}"))
        XCTAssertTrue(text.contains("\\u{1B}[31mred"), "a control character from a host is shown as text")
        XCTAssertTrue(text.contains("evil<script>alert(\"x\")</script>|db 'q'\\nnext"), "a newline in a host name stays on one line")
    }

    func testColourAddsOnlyStylingAroundTheSameLayout() {
        let coloured = render(color: true)
        XCTAssertTrue(coloured.contains("\u{1B}[1;31mcritical\u{1B}[0m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        XCTAssertEqual(stripped, render())
    }

    func testColumnsAlignByDisplayWidthWithWideCharacters() throws {
        var wide = SampleAuditReport.clean
        wide.host = "数据库-01"
        let text = render(AuditReport(toolVersion: "0", generatedAt: "2025-06-01T08:00:00Z", playbooks: [],
                                      hosts: [wide, SampleAuditReport.clean]))
        let lines = text.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("HOST") })
        let statusColumn = TerminalText.displayWidth(String(header[..<header.range(of: "STATUS")!.lowerBound]))
        for row in lines where row.contains(" clean ") && !row.contains("|") {
            let prefix = String(row[..<row.range(of: "clean")!.lowerBound])
            XCTAssertEqual(TerminalText.displayWidth(prefix), statusColumn, row)
        }
        XCTAssertEqual(TerminalText.displayWidth("数据库-01"), 9)
    }

    func testFindingDetailsWrapToTheTerminalWidth() {
        for width in [60, 100] {
            let text = render(width: width)
            let detailLines = text.split(separator: "\n").filter { $0.hasPrefix("  ") }
            XCTAssertFalse(detailLines.isEmpty)
            for line in detailLines {
                XCTAssertLessThanOrEqual(TerminalText.displayWidth(String(line)), width, String(line))
            }
        }
        let text = render()
        XCTAssertTrue(text.contains("  CRITICAL  tw-recycle-nat: tcp_tw_recycle is dropping SYNs from clients behind NAT"))
        XCTAssertTrue(text.contains("at /etc/sysctl.conf:12, /etc/sysctl.d/99-sysctl.conf:12"))
        XCTAssertTrue(text.contains("since boot PAWSPassive=173495 ListenDrops=173495 ListenOverflows=0"))
        XCTAssertTrue(text.contains("over 10s PAWSPassive +37, ListenDrops +41, ListenOverflows +0"))
        XCTAssertTrue(text.contains("  FAILED    host-key-changed: host key for 10.0.0.9 does not match known_hosts:3"))
    }

    func testTableColumnsShowFocusKeyValues() throws {
        let lines = render(width: 240).split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("HOST ") })
        XCTAssertEqual(header.split(separator: " ").joined(separator: " "),
                       "HOST STATUS KERNEL TW_RECYCLE PROCPS@BOOT SYSTEMD@BOOT NAT TOP FINDING")
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("web-412 ") })
        let columns = ["HOST", "STATUS", "KERNEL", "TW_RECYCLE", "PROCPS@BOOT", "SYSTEMD@BOOT", "NAT", "TOP FINDING"]
        XCTAssertEqual(columns.map { cell(row, header: header, column: $0) },
                       ["web-412", "medium", "5.10.0-28-amd64", "absent", "1", "1", "unknown",
                        "tw-recycle-stale-config: stale tcp_tw_recycle line makes `sysctl -p` fail on this kernel"])
    }

    func testLongHostValuesAreCutInTheTableButShownInFull() throws {
        let lines = render().split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("HOST ") })
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("evil") })
        XCTAssertEqual(cell(row, header: header, column: "HOST"), "evil<script>alert(\"x\")</script>…")
        XCTAssertEqual(cell(row, header: header, column: "STATUS"), "high")
        XCTAssertTrue(lines.contains { $0.hasPrefix("evil<script>alert(\"x\")</script>|db 'q'\\nnext&amp; (10.0.0.66\"><script>) high") })
    }

    /// The text of a table cell: from its header's column to the next header's.
    private func cell(_ row: String, header: String, column title: String) -> String {
        let titles = ["HOST", "STATUS", "KERNEL", "TW_RECYCLE", "PROCPS@BOOT", "SYSTEMD@BOOT", "NAT", "TOP FINDING"]
        let headerCharacters = Array(header)
        func offset(_ name: String) -> Int {
            guard let range = header.range(of: name + (name == "TOP FINDING" ? "" : " ")) else { return headerCharacters.count }
            return header.distance(from: header.startIndex, to: range.lowerBound)
        }
        let start = offset(title)
        let index = titles.firstIndex(of: title) ?? titles.count - 1
        let characters = Array(row)
        let end = index + 1 < titles.count ? offset(titles[index + 1]) : characters.count
        guard start < characters.count else { return "" }
        return String(characters[start..<min(end, characters.count)]).trimmingCharacters(in: .whitespaces)
    }

    func testEmptyReport() {
        let empty = AuditReport(toolVersion: "0", generatedAt: "2025-06-01T08:00:00Z", playbooks: [], hosts: [])
        XCTAssertEqual(render(empty), "0 hosts: 0 audited, 0 failed | worst finding: none | clean 0\nno hosts in this report\n")
    }
}
