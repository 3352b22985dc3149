import XCTest
@testable import PawsCore

final class MarkdownReportFormatterTests: XCTestCase {
    private let text = MarkdownReportFormatter().render(SampleAuditReport.make())

    func testEscapingOfHostValues() {
        XCTAssertEqual(MarkdownText.escape("a|b <i>*x*</i> `c` [l](u) &amp; #1\r\nnext\u{1B}"),
                       ##"a\|b \<i\>\*x\*\</i\> \`c\` \[l\](u) \&amp; \#1 next"##)
        XCTAssertEqual(unescaped("<", in: text), 0, "no raw HTML from a host")
        XCTAssertEqual(unescaped("`", in: text), 0, "no code spans opened by a host")
        XCTAssertTrue(text.contains(#"evil\<script\>alert("x")\</script\>\|db 'q' next\&amp;"#))
    }

    func testEveryTableRowHasTheHeadersCellCount() {
        var headerCells: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                headerCells = nil
                continue
            }
            let cells = unescaped("|", in: String(line)) - 1
            if let expected = headerCells {
                XCTAssertEqual(cells, expected, String(line))
            } else {
                headerCells = cells
            }
        }
    }

    func testStructure() throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "# pawsguard audit report")
        XCTAssertTrue(lines.contains("| 6 | 4 | 2 | 1 | 1 | 1 | 0 | 0 | 1 |"))
        let hostRows = lines.drop { !$0.hasPrefix("| Host |") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        XCTAssertEqual(hostRows.map { $0.components(separatedBy: " | ")[1] },
                       ["**critical**", "**high**", "**failed**", "**failed**", "**medium**", "**clean**"])
        let findings = try XCTUnwrap(lines.firstIndex(of: "## Findings"))
        let failed = try XCTUnwrap(lines.firstIndex(of: "## Hosts not audited"))
        XCTAssertLessThan(findings, failed)
        XCTAssertTrue(lines.contains("### db-incident-01 — critical"))
        XCTAssertTrue(lines.contains("  - origin: /etc/sysctl.conf:12, /etc/sysctl.d/99-sysctl.conf:12"))
        XCTAssertTrue(lines.contains("| PAWSPassive | 173495 | +37 |"))
        XCTAssertTrue(lines.contains(#"- **bastion-02** (10.0.0.9): host-key-changed: host key for 10.0.0.9 does not match known\_hosts:3; verify the new key and update known\_hosts"#))
        XCTAssertFalse(lines.contains("### cache-01 — clean"), "clean hosts have no section")
    }

    private func unescaped(_ special: Character, in line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == special {
                count += 1
            }
        }
        return count
    }
}
