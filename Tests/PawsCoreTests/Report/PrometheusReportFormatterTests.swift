import XCTest
@testable import PawsCore

final class PrometheusReportFormatterTests: XCTestCase {
    private let text = PrometheusReportFormatter().render(SampleAuditReport.make())

    private static let name = "[a-zA-Z_:][a-zA-Z0-9_:]*"
    private static let label = #"[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*""#
    private static let value = #"(?:[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|NaN|[-+]Inf)"#
    private let sampleLine = try! Regex("(\(name))(?:\\{\(label)(?:,\(label))*\\})? \(value)")
    private let helpLine = try! Regex("# HELP (\(name)) [^\\n]*")
    private let typeLine = try! Regex("# TYPE (\(name)) (?:counter|gauge|histogram|summary|untyped)")

    func testEveryLineMatchesTheExpositionGrammar() throws {
        XCTAssertTrue(text.hasSuffix("\n"))
        var typed = Set<String>()
        var seriesSeen = Set<Substring>()
        var currentFamily: String?
        for line in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            if let match = try helpLine.wholeMatch(in: line) {
                currentFamily = String(match.output[1].substring ?? "")
            } else if let match = try typeLine.wholeMatch(in: line) {
                let family = String(match.output[1].substring ?? "")
                XCTAssertEqual(family, currentFamily, "TYPE follows its HELP")
                XCTAssertTrue(typed.insert(family).inserted, "one TYPE per family: \(family)")
            } else if let match = try sampleLine.wholeMatch(in: line) {
                XCTAssertEqual(String(match.output[1].substring ?? ""), currentFamily, "samples sit under their family: \(line)")
                let series = line[..<line.lastIndex(of: " ")!]
                XCTAssertTrue(seriesSeen.insert(series).inserted, "duplicate series \(series)")
            } else {
                XCTFail("not exposition format: \(line)")
            }
        }
    }

    func testSeriesAndValues() {
        let lines = Set(text.split(separator: "\n").map(String.init))
        let expected = [
            "pawsguard_audit_timestamp_seconds 1748764800",
            #"pawsguard_host_up{host="bastion-02"} 0"#,
            #"pawsguard_host_up{host="db-incident-01"} 1"#,
            #"pawsguard_host_worst_severity{host="db-incident-01"} 5"#,
            #"pawsguard_host_worst_severity{host="web-412"} 3"#,
            #"pawsguard_host_worst_severity{host="cache-01"} 0"#,
            #"pawsguard_finding{host="db-incident-01",rule="tw-recycle-nat",severity="critical"} 1"#,
            #"pawsguard_sysctl_live_value{host="db-incident-01",key="net.ipv4.tcp_tw_recycle"} 1"#,
            #"pawsguard_sysctl_persisted_value{host="web-412",key="net.ipv4.tcp_tw_recycle",applier="procps"} 1"#,
            #"pawsguard_sysctl_persisted_value{host="web-412",key="net.ipv4.tcp_tw_recycle",applier="systemd"} 1"#,
            #"pawsguard_tcpext_counter{host="db-incident-01",counter="PAWSPassive"} 173495"#,
            #"pawsguard_tcpext_delta{host="db-incident-01",counter="ListenDrops"} 41"#,
            #"pawsguard_audit_duration_seconds{host="db-incident-01"} 0.412"#,
            #"pawsguard_host_up{host="evil<script>alert(\"x\")</script>|db 'q'\nnext&amp;"} 1"#,
        ]
        for line in expected {
            XCTAssertTrue(lines.contains(line), line)
        }
        XCTAssertFalse(text.contains(#"pawsguard_host_worst_severity{host="bastion-02"}"#), "unknown for a host not audited")
        XCTAssertFalse(text.contains(#"pawsguard_sysctl_live_value{host="web-412",key="net.ipv4.tcp_tw_recycle"}"#), "absent key")
        XCTAssertFalse(text.contains(#"key="net.ipv4.tcp_tw_recycle"} 1 #"#), "a non-numeric value is not a sample")
    }

    func testDuplicateHostsDoNotDuplicateSeries() {
        var report = SampleAuditReport.make()
        report.hosts.append(SampleAuditReport.incident)
        let doubled = PrometheusReportFormatter().render(report)
        XCTAssertEqual(doubled.components(separatedBy: #"pawsguard_host_up{host="db-incident-01"}"#).count, 2)
    }

    func testLabelEscapingAndValues() {
        XCTAssertEqual(PrometheusExposition.escapedLabelValue("a\\b\"c\nd"), #"a\\b\"c\nd"#)
        XCTAssertEqual(PrometheusExposition.numericSampleValue(" 1 "), "1")
        XCTAssertEqual(PrometheusExposition.numericSampleValue("-1"), "-1")
        XCTAssertEqual(PrometheusExposition.numericSampleValue("0.5"), "0.5")
        XCTAssertNil(PrometheusExposition.numericSampleValue("4096\t87380\t6291456"))
        XCTAssertNil(PrometheusExposition.numericSampleValue("nan"))
        XCTAssertEqual(PrometheusReportFormatter.severityLevel(nil), 0)
        XCTAssertEqual(Severity.allCases.map(PrometheusReportFormatter.severityLevel), [1, 2, 3, 4, 5])
    }
}
