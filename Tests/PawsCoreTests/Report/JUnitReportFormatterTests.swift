import Foundation
import XCTest
@testable import PawsCore
#if canImport(FoundationXML)
import FoundationXML
#endif

final class JUnitReportFormatterTests: XCTestCase {
    private let xml = JUnitReportFormatter(ruleIDs: SampleAuditReport.ruleIDs).render(SampleAuditReport.make())

    func testParsesAsXMLWithOneCasePerHostAndRule() throws {
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(data: Data(xml.utf8))
        let suite = try XCTUnwrap(document.rootElement()?.elements(forName: "testsuite").first)
        let cases = suite.elements(forName: "testcase")
        // 4 audited hosts × (host-reachable + 10 rules) + 2 failed hosts × host-reachable.
        XCTAssertEqual(cases.count, 46)
        XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, "46")
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "4")
        XCTAssertEqual(suite.attribute(forName: "errors")?.stringValue, "2")

        func testCase(_ host: String, _ rule: String) -> XMLElement? {
            cases.first { $0.attribute(forName: "classname")?.stringValue == host && $0.attribute(forName: "name")?.stringValue == rule }
        }
        let fired = try XCTUnwrap(testCase("db-incident-01", "tw-recycle-nat")?.elements(forName: "failure").first)
        XCTAssertEqual(fired.attribute(forName: "type")?.stringValue, "critical")
        XCTAssertEqual(fired.attribute(forName: "message")?.stringValue, "tcp_tw_recycle is dropping SYNs from clients behind NAT")
        XCTAssertTrue(fired.stringValue?.contains("origin: /etc/sysctl.conf:12, /etc/sysctl.d/99-sysctl.conf:12") == true)
        XCTAssertEqual(testCase("db-incident-01", "tw-recycle-drift")?.childCount, 0, "a rule that did not fire passes")

        let unreachable = try XCTUnwrap(testCase("bastion-02", "host-reachable")?.elements(forName: "error").first)
        XCTAssertEqual(unreachable.attribute(forName: "type")?.stringValue, "host-key-changed")
        XCTAssertNil(testCase("bastion-02", "tw-recycle-nat"), "rules are not listed for a host that was not audited")

        let hostileName = SampleAuditReport.hostileName
        let hostile = try XCTUnwrap(testCase(hostileName, "tw-recycle-enabled")?.elements(forName: "failure").first)
        XCTAssertEqual(hostile.stringValue?.contains("\u{1B}"), false, "control characters invalid in XML 1.0 are stripped")
        XCTAssertTrue(hostile.stringValue?.contains("<script>alert('m')</script>") == true)
        #else
        throw XCTSkip("no XML parser on this platform")
        #endif
    }

    func testRuleThatFiredButWasNotListedStillAppears() {
        let text = JUnitReportFormatter(ruleIDs: ["tw-recycle-nat"]).render(SampleAuditReport.make())
        XCTAssertTrue(text.contains(#"<testcase classname="web-412" name="tw-recycle-stale-config" time="0">"#))
        XCTAssertTrue(text.contains(#"<testcase classname="cache-01" name="tw-recycle-stale-config" time="0"/>"#))
    }

    func testEscapingAndInvalidCharacters() {
        XCTAssertEqual(MarkupEscaping.attribute("a<&>\"'\n\t\u{1B}\u{FFFE}b"), "a&lt;&amp;&gt;&quot;&#39;&#10;&#9;b")
        XCTAssertEqual(MarkupEscaping.text("a<&>\"'\n\u{0}b"), "a&lt;&amp;&gt;\"'\nb")
        for scalar in xml.unicodeScalars {
            XCTAssertTrue(MarkupEscaping.isAllowedInXML(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertTrue(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
    }
}
