import XCTest
@testable import PawsCore

final class HTMLReportFormatterTests: XCTestCase {
    private let html = HTMLReportFormatter().render(SampleAuditReport.make())

    func testHostValuesRenderAsText() {
        XCTAssertEqual(occurrences(of: "<script", in: html), 1, "only the page's own filter script")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>secret</b>"))
        XCTAssertTrue(html.contains("evil&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;|db &#39;q&#39;&#10;next&amp;amp;"),
                      "attribute form")
        XCTAssertTrue(html.contains("<h3>evil&lt;script&gt;alert(\"x\")&lt;/script&gt;|db 'q'\nnext&amp;amp;</h3>"), "text form")
        XCTAssertTrue(html.contains("<code>/etc/sysctl.d/&lt;script&gt;|\"x\".conf:7</code>"))
        XCTAssertFalse(html.contains("\u{1B}"), "characters invalid in XML are dropped")
        XCTAssertFalse(html.contains("\u{07}"))
    }

    func testSelfContained() {
        for forbidden in ["<link", "@import", "url(", "<iframe", "<object", "<embed", "<img", "<base"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), forbidden)
        }
        let tags = html.matches(of: /<[a-zA-Z][^>]*>/).map { String($0.output).lowercased() }
        XCTAssertFalse(tags.isEmpty)
        for tag in tags {
            XCTAssertFalse(tag.contains(" src="), tag)
            XCTAssertFalse(tag.contains(#"href="http"#) || tag.contains("href='http") || tag.contains(#"href="//"#), tag)
        }
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
    }

    func testStructureBalancesAndOrdersHostsMostUrgentFirst() throws {
        for tag in ["details", "table", "section", "tr", "ul", "div"] {
            XCTAssertEqual(occurrences(of: "<\(tag)", in: html) - (tag == "tr" ? 0 : 0), occurrences(of: "</\(tag)>", in: html), tag)
        }
        let table = try XCTUnwrap(html.range(of: "<tbody>")).upperBound
        let body = html[table...]
        let order = ["db-incident-01", "evil&lt;script", "bastion-02", "batch-07", "web-412", "cache-01"]
        let positions = try order.map { try XCTUnwrap(body.range(of: ">\($0)")?.lowerBound, $0) }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testSummaryAndEvidence() {
        XCTAssertTrue(html.contains(#"<li class="s-critical">critical<b>1</b></li>"#))
        XCTAssertTrue(html.contains(#"<li class="s-failed">failed<b>2</b></li>"#))
        XCTAssertTrue(html.contains("<li><b>bastion-02</b> (10.0.0.9): <code>host-key-changed</code> host key for 10.0.0.9"))
        XCTAssertTrue(html.contains("<td><code>net.ipv4.tcp_tw_recycle</code></td><td class=\"mono\">1</td>"
            + "<td><code>1</code> <span class=\"muted\">(/etc/sysctl.conf:12)</span></td>"
            + "<td><code>1</code> <span class=\"muted\">(/etc/sysctl.d/99-sysctl.conf:12)</span></td>"))
        XCTAssertTrue(html.contains(#"<tr><td><code>PAWSPassive</code></td><td class="num">173495</td><td class="num">+37</td></tr>"#))
        XCTAssertTrue(html.contains("<h4>NAT exposure: exposed</h4>"))
        XCTAssertTrue(html.contains("<p><b>Remediation:</b> Set net.ipv4.tcp_tw_recycle=0"))
    }

    private func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
