import Foundation
import XCTest

/// The `pawsguard pcap` binary on real loopback captures: formats, -o, exit statuses.
final class PcapCommandTests: XCTestCase {

    func testExitStatusFormatsAndOutputFile() throws {
        let runner = try PawsguardRunner.require()
        let tcpdump = try CaptureToolRequirements.requireTcpdump()
        let recording = try PcapLoopbackTests.recordTraffic(server: "127.78.2.1", client: "127.78.2.2", tcpdump: tcpdump)
        let capture = recording.capture.path

        let json = try runner.run(["pcap", capture, "--format", "json"])
        XCTAssertEqual(json.status, 1, "a drop signature exits 1: \(json.standardError)")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        XCTAssertNotEqual(object["signature"] as? String, "none")
        let analyses = try XCTUnwrap(object["analyses"] as? [[String: Any]])
        let unanswered = try XCTUnwrap(analyses.first?["unansweredSyns"] as? [[String: Any]])
        XCTAssertFalse(unanswered.isEmpty)
        XCTAssertTrue(unanswered.allSatisfy { $0["time"] is String && $0["timestampValue"] is Int && $0["client"] != nil })

        let healthy = try runner.run(["pcap", capture, "--server", "127.78.2.1:\(recording.openPort)", "--format", "table"])
        XCTAssertEqual(healthy.status, 0, healthy.standardOutput + healthy.standardError)
        XCTAssertTrue(healthy.standardOutput.contains("Verdict: no problem signature"), healthy.standardOutput)

        let piped = try runner.run(["pcap", capture])
        XCTAssertTrue(piped.standardOutput.hasPrefix("{"), "JSON when standard output is not a terminal")

        let report = (capture as NSString).deletingLastPathComponent + "/report.html"
        let html = try runner.run(["pcap", capture, "-o", report])
        XCTAssertEqual(html.status, 1)
        XCTAssertEqual(html.standardOutput, "")
        XCTAssertTrue(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        let markdown = try runner.run(["pcap", capture, "--format", "markdown"])
        XCTAssertTrue(markdown.standardOutput.hasPrefix("# pawsguard pcap:"))

        let correlated = try runner.run(["pcap", "--correlate", capture, capture, "--format", "json"])
        XCTAssertEqual(correlated.status, 1)
        XCTAssertTrue(correlated.standardOutput.contains("\"reachedButUnanswered\""))
    }

    func testUsageAndInputErrorsExitTwo() throws {
        let runner = try PawsguardRunner.require()
        let directory = NSTemporaryDirectory() + "pawsguard-pcap-errors-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let garbage = directory + "/garbage.pcap"
        try Data("this is not a capture at all".utf8).write(to: URL(fileURLWithPath: garbage))

        let cases: [([String], [String])] = [
            (["pcap", directory + "/missing.pcap"], ["missing.pcap", "cannot open"]),
            (["pcap", garbage], ["garbage.pcap", "byte offset 0", "magic number"]),
            (["pcap"], ["no capture given"]),
            (["pcap", "--correlate", garbage], ["--correlate needs exactly two files"]),
            (["pcap", garbage, "--server", "db.example:3306"], ["--server 'db.example:3306'"]),
            (["pcap", "--client-capture", garbage], ["--server-capture is missing"]),
        ]
        for (arguments, phrases) in cases {
            let result = try runner.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.standardError)")
            for phrase in phrases {
                XCTAssertTrue(result.standardError.contains(phrase), "\(arguments): '\(phrase)' missing from \(result.standardError)")
            }
        }
    }
}
