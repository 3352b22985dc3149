import Foundation
import XCTest
@testable import PawsCore

final class JSONReportFormatterTests: XCTestCase {
    private let report = SampleAuditReport.make()

    func testRoundTripDecodesToTheSameReport() throws {
        let text = JSONReportFormatter().render(report)
        let decoded = try AuditReportDecoder.decode(data: Data(text.utf8), source: "fleet.json")
        XCTAssertEqual(decoded, report)
    }

    func testDocumentHasSummarySortedKeysAndUnescapedSlashes() throws {
        let text = JSONReportFormatter().render(report)
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.contains(#""path" : "/etc/sysctl.conf""#), "slashes are not escaped")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["schemaVersion"] as? Int, 1)
        XCTAssertEqual(object["tool"] as? String, "pawsguard")
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["hosts"] as? Int, 6)
        XCTAssertEqual(summary["audited"] as? Int, 4)
        XCTAssertEqual(summary["failed"] as? Int, 2)
        XCTAssertEqual(summary["clean"] as? Int, 1)
        XCTAssertEqual(summary["hostsBySeverity"] as? [String: Int], ["critical": 1, "high": 1, "medium": 1])
        let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(topLevelKeys, ["generatedAt", "hosts", "playbooks", "sampleIntervalSeconds", "schemaVersion", "summary", "tool", "toolVersion"])
    }

    func testNonFiniteDurationsStillEncodeAndDecode() throws {
        var odd = report
        odd.hosts[0].durationSeconds = .infinity
        let text = JSONReportFormatter().render(odd)
        XCTAssertTrue(text.contains(#""durationSeconds" : "Infinity""#))
        XCTAssertEqual(try AuditReportDecoder.decode(data: Data(text.utf8), source: "odd.json"), odd)
    }

    func testEncodingAThousandHostsIsCheap() throws {
        let hosts = (0..<1000).map { index -> HostAudit in
            var host = [SampleAuditReport.incident, SampleAuditReport.staleConfig, SampleAuditReport.clean,
                        SampleAuditReport.unreachableHostKey][index % 4]
            host.host = "host-\(index)"
            return host
        }
        let big = AuditReport(toolVersion: "0.1.0", generatedAt: "2025-06-01T08:00:00Z", playbooks: ["tcp-tw-recycle-nat"], hosts: hosts)
        let clock = ContinuousClock()
        var text = ""
        let encoding = clock.measure { text = JSONReportFormatter().render(big) }
        var decoded: AuditReport?
        let decoding = try clock.measure { decoded = try AuditReportDecoder.decode(data: Data(text.utf8), source: "big.json") }
        print("JSON report of 1000 hosts: \(text.utf8.count / 1024) KiB, encoded in \(encoding), decoded in \(decoding)")
        XCTAssertEqual(decoded?.hosts.count, 1000)
    }
}

final class AuditReportDecoderTests: XCTestCase {
    private func decodeError(_ text: String, source: String = "reports/a.json") -> AuditReportDecodingError? {
        do {
            _ = try AuditReportDecoder.decode(data: Data(text.utf8), source: source)
            return nil
        } catch {
            return error
        }
    }

    func testEmptyFile() throws {
        let error = try XCTUnwrap(decodeError("  \n"))
        XCTAssertEqual(error, .invalidJSON(source: "reports/a.json", detail: "the file is empty"))
        XCTAssertTrue(error.description.hasPrefix("reports/a.json: not valid JSON (the file is empty)"))
    }

    func testNotJSON() throws {
        let error = try XCTUnwrap(decodeError("hosts:\n  - web-01\n"))
        guard case .invalidJSON(let source, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(source, "reports/a.json")
        XCTAssertTrue(error.description.contains("pawsguard audit --format json"))
    }

    func testJSONThatIsNotAReport() throws {
        XCTAssertEqual(decodeError("[1, 2]"), .notAPawsguardReport(source: "reports/a.json", reason: "the top level is not a JSON object"))
        XCTAssertEqual(decodeError(#"{"hosts": []}"#),
                       .notAPawsguardReport(source: "reports/a.json", reason: #"it has no "tool": "pawsguard" field"#))
        let other = try XCTUnwrap(decodeError(#"{"tool": "lynis", "schemaVersion": 1}"#))
        XCTAssertEqual(other.description,
                       #"reports/a.json: not a pawsguard report: "tool" is "lynis", not "pawsguard"; expected a report written by `pawsguard audit --format json`"#)
        XCTAssertEqual(decodeError(#"{"tool": "pawsguard", "schemaVersion": "one"}"#),
                       .notAPawsguardReport(source: "reports/a.json", reason: #"it has no integer "schemaVersion" field"#))
    }

    func testWrongSchemaVersion() throws {
        let newer = try XCTUnwrap(decodeError(#"{"tool": "pawsguard", "schemaVersion": 2}"#))
        XCTAssertEqual(newer, .unsupportedSchemaVersion(source: "reports/a.json", found: 2, supported: 1))
        XCTAssertTrue(newer.description.contains("written by a newer pawsguard"), newer.description)
        let older = try XCTUnwrap(decodeError(#"{"tool": "pawsguard", "schemaVersion": 0}"#))
        XCTAssertTrue(older.description.contains("re-run the audit"), older.description)
    }

    func testDamagedFieldIsNamedByPath() throws {
        var text = JSONReportFormatter().render(SampleAuditReport.make())
        text = text.replacingOccurrences(of: #""status" : "failed""#, with: #""status" : "exploded""#)
        let error = try XCTUnwrap(decodeError(text))
        guard case .malformed(_, let field, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(field, "hosts[2].status")
        XCTAssertTrue(error.description.hasPrefix("reports/a.json: damaged pawsguard report at hosts[2].status: "), error.description)

        let missing = try XCTUnwrap(decodeError(#"{"tool": "pawsguard", "schemaVersion": 1, "toolVersion": "0.1"}"#))
        guard case .malformed(_, let missingField, let detail) = missing else { return XCTFail("\(missing)") }
        XCTAssertEqual(missingField, "generatedAt")
        XCTAssertEqual(detail, #"required field "generatedAt" is missing"#)
    }
}

final class ReportSchemaDocumentTests: XCTestCase {
    /// The example in docs/REPORT-SCHEMA.md must stay a report that `report merge` accepts.
    func testDocumentedExampleDecodes() throws {
        let schemaPage = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/REPORT-SCHEMA.md")
        let page = try String(contentsOf: schemaPage, encoding: .utf8)
        let start = try XCTUnwrap(page.range(of: "```json\n")).upperBound
        let end = try XCTUnwrap(page.range(of: "\n```", range: start..<page.endIndex)).lowerBound
        let report = try AuditReportDecoder.decode(data: Data(page[start..<end].utf8), source: "docs/REPORT-SCHEMA.md")
        XCTAssertEqual(report.hosts.map(\.host), ["db-incident-01", "bastion-02"])
        XCTAssertEqual(report.hosts[0].facts?.keys["net.ipv4.tcp_tw_recycle"]?.procps?.origin, SourceLocation(path: "/etc/sysctl.conf", line: 12))
        XCTAssertEqual(report.hosts[0].facts?.nat.evidence.first, .declared(true))
        XCTAssertEqual(report.hosts[1].failure?.kind, .hostKeyChanged)
        XCTAssertEqual(report.summary.hostsBySeverity, ["critical": 1])
    }
}
