import XCTest
@testable import PawsCore

final class CaptureReportRendererTests: XCTestCase {
    private func incidentVerdict(name: String = "server.pcap") throws -> CaptureVerdict {
        let scenario = incidentScenario(attempts: 30, lostInTransit: [6]).run()
        return try CaptureInvestigation.correlate(
            clientSide: [.bytes(PcapWriter.classic(scenario.clientSide.packets(), linkType: 1), name: "client.pcap")],
            serverSide: [.bytes(PcapWriter.classic(scenario.serverSide.packets(), linkType: 1), name: name)])
    }

    func testJSONListsEveryUnansweredSynWithTimeTupleAndTSval() throws {
        let verdict = try incidentVerdict()
        let json = CaptureReportRenderer.render(verdict, as: .json)
        let decoded = try JSONDecoder().decode(CaptureVerdict.self, from: Data(json.utf8))
        XCTAssertEqual(decoded, verdict)

        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["signature"] as? String, "paws-timestamp-rejection")
        let analyses = try XCTUnwrap(object["analyses"] as? [[String: Any]])
        let syns = try XCTUnwrap(analyses.first?["unansweredSyns"] as? [[String: Any]])
        XCTAssertEqual(syns.count, verdict.analyses[0].totals.unansweredSynPackets)
        for syn in syns {
            XCTAssertNotNil(syn["time"] as? String)
            XCTAssertNotNil(syn["timestampNanoseconds"] as? Int)
            XCTAssertNotNil(syn["timestampValue"] as? Int)
            let client = try XCTUnwrap(syn["client"] as? [String: Any])
            XCTAssertEqual(client["address"] as? String, "192.168.0.2")
            XCTAssertNotNil(client["port"] as? Int)
            let server = try XCTUnwrap(syn["server"] as? [String: Any])
            XCTAssertEqual(server["address"] as? String, "192.168.11.250")
            XCTAssertEqual(server["port"] as? Int, 3306)
        }
    }

    func testTableShowsTheVerdictAndTheEvidence() throws {
        let table = CaptureReportRenderer.render(try incidentVerdict(), as: .table)
        for phrase in [
            "Verdict: tcp_tw_recycle/PAWS signature found", "192.168.11.250:3306", "drops-some", "192.168.0.2",
            "2 @ 1000 Hz", "== Server-side capture: Unanswered SYNs ==", "== Both sides ==", "10.244.1.5", "never reached the server",
        ] {
            XCTAssertTrue(table.contains(phrase), "'\(phrase)' missing from:\n\(table)")
        }
        XCTAssertFalse(table.contains("\u{1B}["), "no terminal escape codes")
    }

    func testMarkdownTablesAndEscaping() throws {
        let markdown = CaptureReportRenderer.render(try incidentVerdict(name: "odd|name_*.pcap"), as: .markdown)
        XCTAssertTrue(markdown.hasPrefix("# pawsguard pcap:"))
        XCTAssertTrue(markdown.contains("**Verdict: tcp\\_tw\\_recycle/PAWS signature found.**"))
        XCTAssertTrue(markdown.contains("| SERVER ENDPOINT | BEHAVIOUR |"))
        XCTAssertTrue(markdown.contains("| --- | --- | ---: |"))
        XCTAssertTrue(markdown.contains("odd\\|name\\_\\*.pcap"))
        XCTAssertFalse(markdown.contains("odd|name"))
    }

    func testHTMLIsSelfContainedAndEscaped() throws {
        let html = CaptureReportRenderer.render(try incidentVerdict(name: "<script>alert(1)</script>.pcap"), as: .html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertTrue(html.contains("class=\"verdict paws\""))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.pcap"))
        for external in ["<script", "src=", "href=", "http://", "https://", "@import"] {
            XCTAssertFalse(html.contains(external), "HTML must not load anything: found \(external)")
        }
        XCTAssertTrue(html.hasSuffix("</html>\n"))
    }

    func testHumanFormatsCapLongListings() throws {
        var options = SynAnalysisOptions()
        options.maximumUnansweredDetails = 500
        let segments = (0..<200).map { index in
            ConnectionScenario.TimedSegment(
                timestampNanoseconds: Int64(index) * 1_000_000_000,
                segment: SegmentSpec("10.0.\(index / 250).\(index % 250 + 1):4000", "192.0.2.1:80", flags: .syn, sequenceNumber: 1))
        } + [ConnectionScenario.TimedSegment(
            timestampNanoseconds: 300_000_000_000, segment: SegmentSpec("10.9.9.9:1", "192.0.2.1:80", flags: .ack))]
        let analysis = analyzeSegments(segments, options: options)
        let verdict = CaptureVerdict(
            signature: analysis.signature, summary: analysis.finding, inputs: [], analyses: [analysis], correlation: nil)
        let table = CaptureReportRenderer.render(verdict, as: .table)
        XCTAssertTrue(table.contains("20 of 200 shown; --format json lists every one"), table)
        XCTAssertTrue(table.contains("more client address(es) in --format json"))
        let json = CaptureReportRenderer.render(verdict, as: .json)
        XCTAssertEqual(json.components(separatedBy: "\"transmission\"").count - 1, 200)
    }

    func testFormatFromFileExtension() {
        XCTAssertEqual(CaptureReportFormat(fileExtensionOf: "/tmp/report.json"), .json)
        XCTAssertEqual(CaptureReportFormat(fileExtensionOf: "ticket.MD"), .markdown)
        XCTAssertEqual(CaptureReportFormat(fileExtensionOf: "a.b/report.html"), .html)
        XCTAssertEqual(CaptureReportFormat(fileExtensionOf: "report.txt"), .table)
        XCTAssertNil(CaptureReportFormat(fileExtensionOf: "report"))
        XCTAssertNil(CaptureReportFormat(fileExtensionOf: "dir.json/report"))
    }
}
