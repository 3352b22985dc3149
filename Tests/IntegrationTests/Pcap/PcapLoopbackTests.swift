import Foundation
import PawsCore
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Captures recorded with tcpdump on loopback while the test makes real connections, analysed by the core.
final class PcapLoopbackTests: XCTestCase {
    /// Records: a SYN to a closed port, an answered connection, four SYNs to a listener that never accepts
    /// (backlog 0: the first is queued, the kernel drops the rest and the clients retransmit), then, after
    /// those clients gave up, one more answered connection so that every dropped SYN's fate is known.
    static func recordTraffic(
        server: String, client: String, tcpdump: String, interface: String = "lo", extraArguments: [String] = [],
        overflow: Bool = true
    ) throws -> (capture: LoopbackCapture, openPort: UInt16, fullPort: UInt16?) {
        let capture = try LoopbackCapture(
            tcpdump: tcpdump, interface: interface, filter: "host \(server)", extraArguments: extraArguments)
        let traffic = LoopbackTraffic(serverAddress: server, clientAddress: client)
        let refused = try traffic.connect(to: try traffic.closedPort())
        Thread.sleep(forTimeInterval: 0.05)
        close(refused)
        let open = try traffic.listen(backlog: 8)
        defer { close(open.descriptor) }
        try traffic.answeredConnection(to: open)
        var fullPort: UInt16?
        if overflow {
            let full = try traffic.listen(backlog: 0)
            defer { close(full.descriptor) }
            fullPort = full.port
            let waiting = try (0..<4).map { _ in try traffic.connect(to: full.port) }
            Thread.sleep(forTimeInterval: 1.6)  // the initial SYN timeout is 1 s: each dropped SYN is retransmitted
            waiting.forEach { close($0) }
            Thread.sleep(forTimeInterval: 1.2)
        }
        try traffic.answeredConnection(to: open)
        Thread.sleep(forTimeInterval: 0.2)
        capture.stop()
        return (capture, open.port, fullPort)
    }

    func testRecordedRefusedAnsweredAndDroppedSyns() throws {
        let tcpdump = try CaptureToolRequirements.requireTcpdump()
        let recording = try Self.recordTraffic(server: "127.78.0.1", client: "127.78.0.2", tcpdump: tcpdump)
        let verdict = try CaptureInvestigation.analyze([.file(recording.capture.path)])
        let analysis = try XCTUnwrap(verdict.analyses.first)
        XCTAssertEqual(verdict.inputs.first?.format, .pcap)
        XCTAssertEqual(verdict.inputs.first?.reading.linkTypes, [.ethernet])

        let byPort = Dictionary(uniqueKeysWithValues: analysis.servers.map { ($0.endpoint.port, $0) })
        XCTAssertEqual(analysis.servers.count, 3)
        let refused = try XCTUnwrap(analysis.servers.first { $0.behaviour == .refusesAll })
        XCTAssertEqual(refused.counters.attemptsRefused, 1)
        XCTAssertEqual(refused.endpoint.address.description, "127.78.0.1")

        let open = try XCTUnwrap(byPort[recording.openPort])
        XCTAssertEqual(open.behaviour, .answersAll)
        XCTAssertEqual(open.counters.attemptsAnswered, 2)

        let full = try XCTUnwrap(byPort[try XCTUnwrap(recording.fullPort)])
        XCTAssertEqual(full.behaviour, .dropsSome)
        XCTAssertEqual(full.counters.connectionAttempts, 4)
        XCTAssertGreaterThanOrEqual(full.counters.attemptsNeverAnswered, 2)
        XCTAssertEqual(full.counters.attemptsNeverAnswered + full.counters.attemptsAnswered, 4)
        XCTAssertGreaterThanOrEqual(full.counters.unansweredSynPackets, 2 * full.counters.attemptsNeverAnswered)
        XCTAssertGreaterThanOrEqual(full.counters.retransmittedSynPackets, full.counters.attemptsNeverAnswered)
        XCTAssertEqual(full.clients.first?.address?.description, "127.78.0.2")
        XCTAssertTrue(analysis.unansweredSyns.allSatisfy { $0.server == full.endpoint && $0.timestampValue != nil })
        // Linux gives each connection its own random TSval offset, so whether the dropped SYNs' TSvals went
        // backwards is chance here: the verdict is a problem either way, usually the listen queue.
        XCTAssertNotEqual(verdict.signature, CaptureSignature.none, verdict.summary)
    }

    func testRecordedOnAnyInterfaceWithNanosecondTimestamps() throws {
        let tcpdump = try CaptureToolRequirements.requireTcpdump()
        let recording = try Self.recordTraffic(
            server: "127.78.1.1", client: "127.78.1.2", tcpdump: tcpdump, interface: "any",
            extraArguments: ["--time-stamp-precision=nano"], overflow: false)
        let verdict = try CaptureInvestigation.analyze([.file(recording.capture.path)])
        let linkTypes = try XCTUnwrap(verdict.inputs.first?.reading.linkTypes)
        XCTAssertTrue(linkTypes == [.linuxCookedV2] || linkTypes == [.linuxCooked], "\(linkTypes)")
        let analysis = try XCTUnwrap(verdict.analyses.first)
        XCTAssertEqual(analysis.totals.attemptsRefused, 1)
        XCTAssertEqual(analysis.totals.attemptsAnswered, 2)
        XCTAssertEqual(analysis.totals.unansweredSynPackets, 0)
        XCTAssertEqual(verdict.signature, CaptureSignature.none, verdict.summary)
    }

    func testRecordingCorrelatedWithItself() throws {
        let tcpdump = try CaptureToolRequirements.requireTcpdump()
        let recording = try Self.recordTraffic(server: "127.78.3.1", client: "127.78.3.2", tcpdump: tcpdump)
        let verdict = try CaptureInvestigation.correlate(
            clientSide: [.file(recording.capture.path)], serverSide: [.file(recording.capture.path)])
        let counts = try XCTUnwrap(verdict.correlation?.counts)
        let server = try XCTUnwrap(verdict.analyses.first)
        XCTAssertEqual(counts.clientSynPackets, server.totals.synPackets)
        XCTAssertEqual(counts.reachedButUnanswered, server.totals.unansweredSynPackets)
        XCTAssertEqual(counts.notSeenByServer, 0)
        XCTAssertEqual(counts.serverOnlySynPackets, 0)
        XCTAssertEqual(try XCTUnwrap(verdict.correlation?.serverClockAheadMilliseconds), 0, accuracy: 0.001)
    }
}
