import XCTest
@testable import PawsCore

final class ReportFormatTests: XCTestCase {
    func testParsing() throws {
        XCTAssertEqual(try ReportFormat.parse("json"), .json)
        XCTAssertEqual(try ReportFormat.parse(" HTML "), .html)
        XCTAssertEqual(ReportFormat(name: "md"), .markdown)
        XCTAssertEqual(ReportFormat(name: "prom"), .prometheus)
        XCTAssertEqual(ReportFormat(name: "xml"), .junit)
        XCTAssertThrowsError(try ReportFormat.parse("yaml")) { error in
            XCTAssertEqual("\(error)", "unknown report format 'yaml': use one of table, json, markdown, html, junit, prometheus")
        }
    }

    func testExtensions() {
        XCTAssertEqual(ReportFormat.allCases.map(\.defaultFileExtension), ["txt", "json", "md", "html", "xml", "prom"])
        XCTAssertEqual(ReportFormat.inferred(fromPath: "out/fleet.HTML"), .html)
        XCTAssertEqual(ReportFormat.inferred(fromPath: "/var/lib/node_exporter/textfile/pawsguard.prom"), .prometheus)
        XCTAssertEqual(ReportFormat.inferred(fromPath: "report.markdown"), .markdown)
        XCTAssertNil(ReportFormat.inferred(fromPath: "report"))
        XCTAssertNil(ReportFormat.inferred(fromPath: "dir.d/.hidden"))
    }

    func testEachFormatHasAFormatter() {
        let report = SampleAuditReport.make()
        for format in ReportFormat.allCases {
            let text = format.formatter(options: ReportOptions(), ruleIDs: SampleAuditReport.ruleIDs).render(report)
            XCTAssertFalse(text.isEmpty, format.rawValue)
            XCTAssertTrue(text.hasSuffix("\n"), format.rawValue)
        }
        XCTAssertTrue(ReportFormat.junit.formatter(ruleIDs: ["x"]) is JUnitReportFormatter)
    }
}
