import XCTest
@testable import PawsCore

/// Whole captures, written by the test writer, through reader, decoder, analyzer and classifier.
final class CaptureVerdictTests: XCTestCase {
    func testIncidentCaptureShowsThePAWSSignature() throws {
        let scenario = incidentScenario().run()
        XCTAssertGreaterThan(scenario.droppedSynPackets, 20, "the scenario must drop SYNs for the test to mean anything")
        let verdict = try analyze([("server.pcap", PcapWriter.classic(scenario.serverSide.packets(), linkType: 1))])

        XCTAssertEqual(verdict.signature, .pawsTimestampRejection)
        let analysis = try XCTUnwrap(verdict.analyses.first)
        let server = try XCTUnwrap(analysis.servers.first)
        XCTAssertEqual(server.endpoint.description, "192.168.11.250:3306")
        XCTAssertEqual(server.behaviour, .dropsSome)
        XCTAssertEqual(server.counters.synPackets, scenario.serverSynPackets)
        XCTAssertEqual(server.counters.unansweredSynPackets, scenario.droppedSynPackets)
        XCTAssertEqual(server.counters.unansweredBelowRecent, scenario.droppedSynPackets)
        XCTAssertEqual(server.counters.attemptsAnswered, scenario.answeredAttempts)
        XCTAssertEqual(server.counters.attemptsNeverAnswered, scenario.abandonedAttempts)
        XCTAssertEqual(server.counters.answeredBelowRecent, 0)

        let nat = try XCTUnwrap(server.clients.first)
        XCTAssertEqual(nat.address?.description, "192.168.0.2")
        XCTAssertTrue(nat.timestampsGoBackwards)
        XCTAssertEqual(nat.clocks?.clocks, 2)
        XCTAssertEqual(nat.clocks?.rateHz, 1000)

        XCTAssertEqual(analysis.unansweredSyns.count, scenario.droppedSynPackets)
        XCTAssertTrue(analysis.unansweredSyns.allSatisfy { $0.isBelowRecent && $0.timestampValue != nil })
        for phrase in ["tcp_tw_recycle/PAWS signature", "192.168.11.250:3306", "2 TSval clocks appear behind 192.168.0.2",
                       "net.ipv4.tcp_tw_recycle=0"] {
            XCTAssertTrue(verdict.summary.contains(phrase), "'\(phrase)' missing: \(verdict.summary)")
        }
    }

    /// The same capture in every container and link layer gives the same verdict and counts.
    func testSameVerdictFromEveryFormatAndLinkType() throws {
        let scenario = incidentScenario(attempts: 16).run()
        let segments = scenario.serverSide
        let expected = try analyze([("reference", PcapWriter.classic(segments.packets(), linkType: 1))]).analyses[0].totals

        let variants: [(String, [UInt8])] = [
            ("pcap big-endian nanoseconds, Linux cooked v1",
             PcapWriter.classic(segments.packets(link: FrameBuilder.linuxCooked), linkType: 113, order: .big, nanoseconds: true)),
            ("pcap raw IP 101", PcapWriter.classic(segments.packets(link: { $0 }), linkType: 101)),
            ("pcap DLT_RAW 12", PcapWriter.classic(segments.packets(link: { $0 }), linkType: 12, order: .big)),
            ("pcap DLT_RAW 14", PcapWriter.classic(segments.packets(link: { $0 }), linkType: 14)),
            ("pcap NULL", PcapWriter.classic(segments.packets(link: { FrameBuilder.null($0, order: .little) }), linkType: 0)),
            ("pcap LOOP", PcapWriter.classic(segments.packets(link: { FrameBuilder.null($0, order: .big) }), linkType: 108)),
            ("pcap QinQ", PcapWriter.classic(segments.packets(link: { FrameBuilder.ethernet($0, tags: [0x88A8, 0x8100]) }), linkType: 1)),
            ("pcapng big-endian Linux cooked v2 nanoseconds", PcapWriter.pcapng([PcapWriter.Section(
                order: .big, interfaces: [PcapWriter.Interface(linkType: 276, timestampResolution: 9)],
                blocks: segments.packets(link: FrameBuilder.linuxCookedV2).map(PcapWriter.Block.enhanced))])),
            ("pcapng two interfaces", PcapWriter.pcapng([PcapWriter.Section(
                order: .little,
                interfaces: [PcapWriter.Interface(linkType: 1), PcapWriter.Interface(linkType: 101, timestampResolution: 0x80 | 20)],
                blocks: segments.enumerated().map { index, timed in
                    let onRaw = index % 2 == 1
                    return .enhanced(PcapWriter.Packet(
                        timestampNanoseconds: timed.timestampNanoseconds,
                        bytes: onRaw ? FrameBuilder.ip(timed.segment) : FrameBuilder.ethernet(FrameBuilder.ip(timed.segment)),
                        interface: onRaw ? 1 : 0))
                })])),
        ]
        for (name, bytes) in variants {
            let verdict = try analyze([(name, bytes)])
            XCTAssertEqual(verdict.signature, .pawsTimestampRejection, name)
            XCTAssertEqual(verdict.analyses[0].totals, expected, name)
        }
    }

    func testRotatedFilesAreReadAsOneCapture() throws {
        let packets = incidentScenario(attempts: 20).run().serverSide.packets()
        let half = packets.count / 2
        let verdict = try analyze([
            ("part1.pcap", PcapWriter.classic(Array(packets[..<half]), linkType: 1)),
            ("part2.pcapng", PcapWriter.pcapng([PcapWriter.Section(
                order: .big, interfaces: [PcapWriter.Interface(linkType: 1)],
                blocks: packets[half...].map(PcapWriter.Block.enhanced))])),
        ])
        let whole = try analyze([("whole.pcap", PcapWriter.classic(packets, linkType: 1))])
        XCTAssertEqual(verdict.analyses[0].totals, whole.analyses[0].totals)
        XCTAssertEqual(verdict.inputs.map(\.file), ["part1.pcap", "part2.pcapng"])
        XCTAssertEqual(Set(verdict.analyses[0].unansweredSyns.map(\.file)), ["part1.pcap", "part2.pcapng"])
    }

    func testListenQueueDropsWithoutTimestampRegression() throws {
        let scenario = ConnectionScenario(
            clients: [ScenarioClient(address: "10.20.0.5", clockOffset: 123_456)], attempts: 30,
            policy: .everyNthSyn(4)).run()
        XCTAssertGreaterThan(scenario.droppedSynPackets, 0)
        let verdict = try analyze([("listen.pcap", PcapWriter.classic(scenario.serverSide.packets(), linkType: 1))])
        XCTAssertEqual(verdict.signature, .listenQueueDrops)
        XCTAssertEqual(verdict.analyses[0].totals.unansweredSynPackets, scenario.droppedSynPackets)
        XCTAssertEqual(verdict.analyses[0].totals.unansweredBelowRecent, 0)
        XCTAssertTrue(verdict.summary.contains("listen-queue problem"), verdict.summary)
        XCTAssertTrue(verdict.summary.contains("none of their TSvals went backwards"), verdict.summary)
    }

    func testNATWithSeveralClocksButAHealthyServerShowsNeither() throws {
        var scenario = incidentScenario()
        scenario.policy = .none
        let result = scenario.run()
        let verdict = try analyze([("healthy.pcap", PcapWriter.classic(result.serverSide.packets(), linkType: 1))])
        XCTAssertEqual(verdict.signature, CaptureSignature.none)
        let nat = try XCTUnwrap(verdict.analyses[0].servers.first?.clients.first)
        XCTAssertEqual(nat.clocks?.clocks, 2)
        XCTAssertGreaterThan(nat.counters.answeredBelowRecent, 0, "the TSvals go backwards, the server does not mind")
        XCTAssertTrue(verdict.summary.hasPrefix("Neither signature"), verdict.summary)
    }

    func testEndpointThatNeverAnswersIsNotASignature() throws {
        let syns = (0..<6).map { index in
            PcapWriter.Packet(
                timestampNanoseconds: Int64(index) * 1_000_000_000,
                bytes: FrameBuilder.ethernet(FrameBuilder.ip(SegmentSpec(
                    "10.0.0.1:\(3000 + index / 3)", "10.0.0.2:23", flags: .syn, sequenceNumber: UInt32(index / 3)))))
        }
        let verdict = try analyze([("silent.pcap", PcapWriter.classic(syns + [PcapWriter.Packet(
            timestampNanoseconds: 30_000_000_000,
            bytes: FrameBuilder.ethernet(FrameBuilder.ip(SegmentSpec("10.0.0.1:9", "10.0.0.3:9", flags: .ack)))
        )], linkType: 1))])
        XCTAssertEqual(verdict.signature, CaptureSignature.none)
        XCTAssertEqual(verdict.analyses[0].servers.first?.behaviour, .neverAnswers)
        XCTAssertTrue(verdict.summary.contains("never answered any SYN (10.0.0.2:23)"), verdict.summary)
    }

    func testCaptureWithoutSyns() throws {
        let verdict = try analyze([("empty.pcap", PcapWriter.classic([], linkType: 1))])
        XCTAssertEqual(verdict.signature, CaptureSignature.none)
        XCTAssertEqual(verdict.summary, "Neither signature: the capture holds no SYNs.")
    }

    func testInputNotesMentionTruncation() throws {
        let packets = incidentScenario(attempts: 4).run().serverSide.packets()
        var bytes = PcapWriter.classic(packets, linkType: 1, snapshotLength: 60)
        bytes.removeLast(5)
        let verdict = try analyze([("cut.pcap", bytes)])
        let notes = verdict.inputs[0].notes.joined(separator: " ")
        XCTAssertTrue(notes.contains("ends inside its last record"), notes)
        XCTAssertTrue(notes.contains("cut by the snapshot length"), notes)
        XCTAssertNotNil(verdict.inputs[0].reading.truncatedFinalRecordOffset)
    }
}
