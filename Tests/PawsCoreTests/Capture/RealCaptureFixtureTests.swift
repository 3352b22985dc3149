import XCTest
@testable import PawsCore

/// Captures recorded with tcpdump and dumpcap on this machine's loopback (see
/// Fixtures/Capture/record-fixtures.sh): the same traffic in five containers and link types.
final class RealCaptureFixtureTests: XCTestCase {
    private static let fixtures = [
        "loopback-ethernet-usec.pcap", "loopback-ethernet-nsec.pcap", "any-linux-cooked-v1.pcap",
        "any-linux-cooked-v2.pcap", "lo-and-any.pcapng",
    ]

    private func path(_ name: String) throws -> String {
        let url = try XCTUnwrap(
            Bundle.module.url(forResource: "Fixtures/Capture/\(name)", withExtension: nil), "missing fixture \(name)")
        return url.path
    }

    func testEveryRecordingGivesTheSameVerdict() throws {
        var totals: [SynCounters] = []
        for name in Self.fixtures {
            let verdict = try CaptureInvestigation.analyze([.file(try path(name))])
            let analysis = try XCTUnwrap(verdict.analyses.first)
            let byPort = Dictionary(uniqueKeysWithValues: analysis.servers.map { ($0.endpoint.port, $0) })
            XCTAssertEqual(analysis.servers.count, 3, name)
            XCTAssertTrue(analysis.servers.allSatisfy { $0.endpoint.address.description == "127.77.0.1" }, name)

            let refused = try XCTUnwrap(analysis.servers.first { $0.behaviour == .refusesAll }, name)
            XCTAssertEqual(refused.counters.attemptsRefused, 1, name)

            let open = try XCTUnwrap(analysis.servers.first { $0.behaviour == .answersAll }, name)
            XCTAssertEqual(open.counters.attemptsAnswered, 2, name)
            XCTAssertEqual(open.counters.synAckPackets, 2, name)

            let full = try XCTUnwrap(analysis.servers.first { $0.behaviour == .dropsSome }, name)
            XCTAssertEqual(full.counters.attemptsAnswered, 1, "the first connection fits the queue (\(name))")
            XCTAssertEqual(full.counters.attemptsNeverAnswered, 3, name)
            XCTAssertEqual(full.counters.unansweredSynPackets, 9, "3 attempts x 3 transmissions (\(name))")
            XCTAssertEqual(full.counters.retransmittedSynPackets, 6, name)
            XCTAssertEqual(full.clients.first?.address?.description, "127.77.0.2")
            XCTAssertEqual(byPort.count, 3)

            XCTAssertEqual(verdict.signature, .listenQueueDrops, name)
            XCTAssertEqual(analysis.unansweredSyns.count, 9, name)
            XCTAssertTrue(analysis.unansweredSyns.allSatisfy { $0.timestampValue != nil && $0.server == full.endpoint })
            totals.append(analysis.totals)
        }
        XCTAssertEqual(Set(totals).count, 1, "all recordings agree")
    }

    func testRecordingFormatsAreReadAsSuch() throws {
        let expectations: [(String, CaptureReadStatistics.Format, [LinkType], Int)] = [
            ("loopback-ethernet-usec.pcap", .pcap, [.ethernet], 29),
            ("loopback-ethernet-nsec.pcap", .pcap, [.ethernet], 29),
            ("any-linux-cooked-v1.pcap", .pcap, [.linuxCooked], 29),
            ("any-linux-cooked-v2.pcap", .pcap, [.linuxCookedV2], 29),
            ("lo-and-any.pcapng", .pcapng, [.ethernet, .linuxCooked], 58),
        ]
        for (name, format, linkTypes, packets) in expectations {
            let verdict = try CaptureInvestigation.analyze([.file(try path(name))])
            let input = try XCTUnwrap(verdict.inputs.first)
            XCTAssertEqual(input.format, format, name)
            XCTAssertEqual(input.reading.linkTypes, linkTypes, name)
            XCTAssertEqual(input.reading.packets, packets, name)
            XCTAssertEqual(input.decoding.tcpSegments, packets, name)
            XCTAssertNil(input.reading.truncatedFinalRecordOffset, name)
        }
    }

    func testNanosecondRecordingKeepsNanoseconds() throws {
        var reader = try CaptureFile.reader(atPath: try path("loopback-ethernet-nsec.pcap"))
        var sawSubMicrosecond = false
        while !sawSubMicrosecond, let packet = try reader.next() {
            sawSubMicrosecond = packet.timestampNanoseconds % 1_000 != 0
        }
        XCTAssertTrue(sawSubMicrosecond)
    }

    func testCopiesOfEachPacketOnTwoInterfacesAreRecognizedAsDuplicates() throws {
        let verdict = try CaptureInvestigation.analyze([.file(try path("lo-and-any.pcapng"))])
        XCTAssertEqual(verdict.analyses.first?.duplicateSynPackets, 13)
    }

    func testClientAndServerSideOfTheSameTrafficCorrelate() throws {
        let verdict = try CaptureInvestigation.correlate(
            clientSide: [.file(try path("any-linux-cooked-v2.pcap"))],
            serverSide: [.file(try path("loopback-ethernet-usec.pcap"))])
        let counts = try XCTUnwrap(verdict.correlation?.counts)
        XCTAssertEqual(counts.clientSynPackets, 13)
        XCTAssertEqual(counts.reachedButUnanswered, 9)
        XCTAssertEqual(counts.reachedAndAnswered, 4)
        XCTAssertEqual(counts.notSeenByServer, 0)
        XCTAssertEqual(counts.serverOnlySynPackets, 0)
    }
}
