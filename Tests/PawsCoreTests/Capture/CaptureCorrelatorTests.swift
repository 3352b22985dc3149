import XCTest
@testable import PawsCore

final class CaptureCorrelatorTests: XCTestCase {
    func testMatchesSynsAcrossNATAndSaysWhichReachedTheServer() throws {
        let scenario = incidentScenario(attempts: 30, lostInTransit: [4]).run()
        let clientCapture = PcapWriter.classic(scenario.clientSide.packets(), linkType: 1)
        let serverCapture = PcapWriter.pcapng([PcapWriter.Section(
            order: .little, interfaces: [PcapWriter.Interface(linkType: 1, timestampResolution: 9)],
            blocks: scenario.serverSide.packets().map(PcapWriter.Block.enhanced))])

        let verdict = try CaptureInvestigation.correlate(
            clientSide: [.bytes(clientCapture, name: "pod.pcap")],
            serverSide: [.bytes(serverCapture, name: "mysql.pcapng")])
        let correlation = try XCTUnwrap(verdict.correlation)
        let counts = correlation.counts

        XCTAssertEqual(verdict.signature, .pawsTimestampRejection)
        XCTAssertEqual(verdict.analyses.map(\.role), [.serverSide, .clientSide])
        XCTAssertEqual(counts.clientSynPackets, scenario.clientSide.filter { $0.segment.flags == .syn }.count)
        XCTAssertEqual(counts.notSeenByServer, 1)
        XCTAssertEqual(counts.reachedButUnanswered, scenario.clientSideDroppedSyns)
        XCTAssertEqual(counts.reachedButUnansweredBelowRecent, scenario.clientSideDroppedSyns)
        XCTAssertEqual(counts.reachedAndAnswered, counts.clientSynPackets - scenario.clientSideDroppedSyns - 1)
        XCTAssertEqual(counts.answerLostOnTheWayBack, 0)
        XCTAssertEqual(counts.sentOutsideServerCapture, 0)
        XCTAssertGreaterThan(counts.serverOnlySynPackets, 0, "the second pod's SYNs are only on the server side")
        XCTAssertEqual(correlation.serverOnlySources.map(\.address.description), ["192.168.0.2"])
        XCTAssertEqual(correlation.addressTranslations.first?.clientSide.description, "10.244.1.5")
        XCTAssertEqual(correlation.addressTranslations.first?.serverSide.description, "192.168.0.2")
        XCTAssertEqual(try XCTUnwrap(correlation.serverClockAheadMilliseconds), 3, accuracy: 0.01)

        let unanswered = correlation.reachedButUnansweredSyns
        XCTAssertEqual(unanswered.count, scenario.clientSideDroppedSyns)
        XCTAssertTrue(unanswered.allSatisfy { $0.serverFrame != nil && $0.sourceSeenByServer?.address.description == "192.168.0.2" })
        XCTAssertTrue(unanswered.allSatisfy { $0.client.address.description == "10.244.1.5" && $0.serverFile == "mysql.pcapng" })
        XCTAssertEqual(correlation.notSeenByServerSyns.count, 1)
        XCTAssertEqual(correlation.notSeenByServerSyns.first?.transmission, 1)
        XCTAssertNil(correlation.notSeenByServerSyns.first?.serverFrame)

        for phrase in ["Server side:", "reached the server and got no answer", "1 never reached the server"] {
            XCTAssertTrue(verdict.summary.contains(phrase), "'\(phrase)' missing: \(verdict.summary)")
        }
    }

    func testAnswerLostOnTheWayBackAndSynsOutsideTheServerCapture() throws {
        let base: Int64 = 1_700_000_000 * 1_000_000_000
        func packet(_ seconds: Double, _ spec: SegmentSpec) -> PcapWriter.Packet {
            PcapWriter.Packet(timestampNanoseconds: base + Int64(seconds * 1e9), bytes: FrameBuilder.ethernet(FrameBuilder.ip(spec)))
        }
        let server = "192.0.2.10:443"
        let syn = { (port: Int, isn: UInt32, tsval: UInt32) in
            SegmentSpec("10.1.1.1:\(port)", server, flags: .syn, sequenceNumber: isn, timestampValue: tsval)
        }
        let synAck = { (port: Int, isn: UInt32) in
            SegmentSpec(server, "10.1.1.1:\(port)", flags: [.syn, .ack], sequenceNumber: 5, acknowledgementNumber: isn + 1)
        }
        let clientSide = [
            packet(0, syn(1000, 10, 100)),  // sent before the server capture started
            packet(10, syn(1001, 20, 200)),
            packet(11, syn(1001, 20, 300)),  // the answer to this one was lost
            packet(20, syn(1002, 30, 400)),
            packet(20.01, synAck(1002, 30)),
            packet(40, SegmentSpec("10.1.1.1:1002", server, flags: .ack, timestampValue: 500)),
        ]
        let serverSide = [
            packet(9, SegmentSpec("10.9.9.9:1", server, flags: .ack, timestampValue: 1)),
            packet(10.001, syn(1001, 20, 200)),
            packet(10.002, synAck(1001, 20)),
            packet(11.001, syn(1001, 20, 300)),
            packet(11.002, synAck(1001, 20)),
            packet(20.001, syn(1002, 30, 400)),
            packet(20.002, synAck(1002, 30)),
            packet(40, SegmentSpec("10.1.1.1:1002", server, flags: .ack, timestampValue: 500)),
        ]
        let verdict = try CaptureInvestigation.correlate(
            clientSide: [.bytes(PcapWriter.classic(clientSide, linkType: 1), name: "client.pcap")],
            serverSide: [.bytes(PcapWriter.classic(serverSide, linkType: 1), name: "server.pcap")])
        let counts = try XCTUnwrap(verdict.correlation?.counts)
        XCTAssertEqual(counts.clientSynPackets, 4)
        XCTAssertEqual(counts.sentOutsideServerCapture, 1)
        XCTAssertEqual(counts.notSeenByServer, 0)
        XCTAssertEqual(counts.answerLostOnTheWayBack, 2)
        XCTAssertEqual(counts.reachedAndAnswered, 1)
        XCTAssertEqual(counts.reachedButUnanswered, 0)
        XCTAssertTrue(verdict.correlation?.addressTranslations.isEmpty ?? false)
    }

    func testSynsWithoutTimestampsMatchOnDestinationAndISN() throws {
        let base: Int64 = 1_700_000_000 * 1_000_000_000
        let scenario = ConnectionScenario(
            clients: [ScenarioClient(address: "10.0.0.5", natAddress: "198.51.100.1", clockOffset: 0, sendsTimestamps: false)],
            start: base, attempts: 12, policy: .everyNthSyn(3)).run()
        let verdict = try CaptureInvestigation.correlate(
            clientSide: [.bytes(PcapWriter.classic(scenario.clientSide.packets(), linkType: 1), name: "c")],
            serverSide: [.bytes(PcapWriter.classic(scenario.serverSide.packets(), linkType: 1), name: "s")])
        let counts = try XCTUnwrap(verdict.correlation?.counts)
        XCTAssertEqual(counts.notSeenByServer, 0)
        XCTAssertEqual(counts.clientSynPackets, scenario.serverSynPackets)
        XCTAssertEqual(verdict.signature, .listenQueueDrops)
    }
}
