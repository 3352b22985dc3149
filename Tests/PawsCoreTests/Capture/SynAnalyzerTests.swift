import XCTest
@testable import PawsCore

final class SynAnalyzerTests: XCTestCase {
    private typealias Timed = ConnectionScenario.TimedSegment
    private let base: Int64 = 1_700_000_000 * 1_000_000_000
    private let server = "192.0.2.10:3306"

    private func at(_ seconds: Double, _ segment: SegmentSpec) -> Timed {
        Timed(timestampNanoseconds: base + Int64(seconds * 1e9), segment: segment)
    }

    private func syn(_ client: String, isn: UInt32, tsval: UInt32? = nil, to destination: String? = nil) -> SegmentSpec {
        SegmentSpec(client, destination ?? server, flags: .syn, sequenceNumber: isn, timestampValue: tsval)
    }

    private func synAck(_ client: String, isn: UInt32, from source: String? = nil) -> SegmentSpec {
        SegmentSpec(source ?? server, client, flags: [.syn, .ack], sequenceNumber: 9, acknowledgementNumber: isn &+ 1)
    }

    private func data(_ client: String, tsval: UInt32) -> SegmentSpec {
        SegmentSpec(client, server, flags: .ack, sequenceNumber: 1, acknowledgementNumber: 1, timestampValue: tsval)
    }

    private func onlyServer(_ analysis: CaptureAnalysis) -> ServerEndpointReport? {
        XCTAssertEqual(analysis.servers.count, 1)
        return analysis.servers.first
    }

    func testAnsweredAttempt() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100, tsval: 1)),
            at(0.001, synAck("10.0.0.1:5000", isn: 100)),
        ])
        let server = try XCTUnwrap(onlyServer(analysis))
        XCTAssertEqual(server.endpoint.description, self.server)
        XCTAssertEqual(server.behaviour, .answersAll)
        XCTAssertEqual(server.counters.synPackets, 1)
        XCTAssertEqual(server.counters.connectionAttempts, 1)
        XCTAssertEqual(server.counters.attemptsAnswered, 1)
        XCTAssertEqual(server.counters.synAckPackets, 1)
        XCTAssertEqual(server.counters.answeredSynPackets, 1)
        XCTAssertEqual(server.counters.unansweredSynPackets, 0)
        XCTAssertEqual(analysis.signature, CaptureSignature.none)
    }

    func testRetransmissionBeforeTheAnswerCountsOneUnansweredSyn() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100, tsval: 1000)),
            at(1, syn("10.0.0.1:5000", isn: 100, tsval: 2000)),
            at(1.001, synAck("10.0.0.1:5000", isn: 100)),
        ])
        let counters = try XCTUnwrap(onlyServer(analysis)).counters
        XCTAssertEqual(counters.synPackets, 2)
        XCTAssertEqual(counters.retransmittedSynPackets, 1)
        XCTAssertEqual(counters.connectionAttempts, 1)
        XCTAssertEqual(counters.attemptsAnswered, 1)
        XCTAssertEqual(counters.unansweredSynPackets, 1)
        XCTAssertEqual(counters.answeredSynPackets, 1)
        XCTAssertEqual(analysis.unansweredSyns.map(\.transmission), [1])
        XCTAssertEqual(analysis.unansweredSyns.first?.timestampValue, 1000)
        XCTAssertEqual(analysis.unansweredSyns.first?.frame, 1)
        XCTAssertEqual(analysis.unansweredSyns.first?.file, "segments")
    }

    func testNeverAnsweredAttemptAndItsRetransmissions() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100)),
            at(1, syn("10.0.0.1:5000", isn: 100)),
            at(3, syn("10.0.0.1:5000", isn: 100)),
            at(3.5, syn("10.0.0.2:6000", isn: 7)),
            at(3.501, synAck("10.0.0.2:6000", isn: 7)),
            at(10, data("10.0.0.2:6000", tsval: 5)),
        ])
        let server = try XCTUnwrap(onlyServer(analysis))
        XCTAssertEqual(server.behaviour, .dropsSome)
        XCTAssertEqual(server.counters.attemptsNeverAnswered, 1)
        XCTAssertEqual(server.counters.unansweredSynPackets, 3)
        XCTAssertEqual(analysis.unansweredSyns.map(\.transmission), [1, 2, 3])
        XCTAssertEqual(server.clients.first?.address?.description, "10.0.0.1")
        XCTAssertEqual(analysis.signature, .listenQueueDrops)
        XCTAssertTrue(analysis.finding.contains("they carried no TSval"), analysis.finding)
    }

    func testResetMeansRefusedNotDropped() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100)),
            at(0.0001, SegmentSpec(server, "10.0.0.1:5000", flags: [.rst, .ack], acknowledgementNumber: 101)),
            at(0.5, syn("10.0.0.1:5001", isn: 200)),
            at(0.5001, SegmentSpec(server, "10.0.0.1:5001", flags: .rst)),
        ])
        let server = try XCTUnwrap(onlyServer(analysis))
        XCTAssertEqual(server.behaviour, .refusesAll)
        XCTAssertEqual(server.counters.attemptsRefused, 2)
        XCTAssertEqual(server.counters.unansweredSynPackets, 0)
        XCTAssertEqual(analysis.signature, CaptureSignature.none)
    }

    func testAnswersWithTheWrongAcknowledgementAreIgnored() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100)),
            at(0.001, synAck("10.0.0.1:5000", isn: 555)),
            at(5, data("10.0.0.9:1", tsval: 1)),
        ])
        XCTAssertEqual(try XCTUnwrap(onlyServer(analysis)).counters.attemptsNeverAnswered, 1)
    }

    func testSynsAtTheVeryEndAreUnresolved() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100)),
            at(0.001, synAck("10.0.0.1:5000", isn: 100)),
            at(5, syn("10.0.0.1:5001", isn: 200)),
            at(5.5, data("10.0.0.1:5000", tsval: 1)),
        ])
        let counters = try XCTUnwrap(onlyServer(analysis)).counters
        XCTAssertEqual(counters.attemptsUnresolved, 1)
        XCTAssertEqual(counters.unresolvedSynPackets, 1)
        XCTAssertEqual(counters.unansweredSynPackets, 0)
        XCTAssertEqual(analysis.signature, CaptureSignature.none)
    }

    func testSameTupleWithANewISNStartsANewAttempt() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100)),
            at(20, syn("10.0.0.1:5000", isn: 900)),
            at(20.001, synAck("10.0.0.1:5000", isn: 900)),
        ])
        let counters = try XCTUnwrap(onlyServer(analysis)).counters
        XCTAssertEqual(counters.connectionAttempts, 2)
        XCTAssertEqual(counters.attemptsNeverAnswered, 1)
        XCTAssertEqual(counters.attemptsAnswered, 1)
        XCTAssertEqual(analysis.limits.attemptsReplaced, 1)
    }

    func testSecondCopiesOfASynAreDuplicatesNotRetransmissions() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:5000", isn: 100, tsval: 7)),
            at(0.00001, syn("10.0.0.1:5000", isn: 100, tsval: 7)),  // the same packet on a second interface
            at(0.001, synAck("10.0.0.1:5000", isn: 100)),
            at(0.0011, syn("10.0.0.1:5000", isn: 100, tsval: 7)),  // a copy recorded after the answer
            at(0.0012, synAck("10.0.0.1:5000", isn: 100)),
            at(5, syn("10.0.0.2:6000", isn: 1)),
            at(6, syn("10.0.0.2:6000", isn: 1)),  // no TSval, a second later: a retransmission
            at(6.001, synAck("10.0.0.2:6000", isn: 1)),
        ])
        XCTAssertEqual(analysis.duplicateSynPackets, 2)
        let counters = try XCTUnwrap(onlyServer(analysis)).counters
        XCTAssertEqual(counters.synPackets, 3)
        XCTAssertEqual(counters.retransmittedSynPackets, 1)
        XCTAssertEqual(counters.connectionAttempts, 2)
        XCTAssertEqual(counters.attemptsAnswered, 2)
        XCTAssertEqual(counters.synAckPackets, 2, "only SYN-ACKs answering a SYN count")
    }

    // MARK: - PAWS model

    func testSynOlderThanTheRememberedTSvalWithinTheWindowIsBelowRecent() throws {
        let client = "203.0.113.9"
        let analysis = analyzeSegments([
            at(0, syn("\(client):1000", isn: 1, tsval: 50_000)),
            at(0.001, synAck("\(client):1000", isn: 1)),
            at(0.002, data("\(client):1000", tsval: 50_010)),
            at(10, syn("\(client):1001", isn: 2, tsval: 20_000)),  // older: PAWS drops it
            at(11, syn("\(client):1001", isn: 2, tsval: 21_000)),  // still older
            at(30, syn("\(client):1002", isn: 3, tsval: 50_009)),  // within the 1-tick tolerance
            at(30.001, synAck("\(client):1002", isn: 3)),
            at(100, syn("\(client):1003", isn: 4, tsval: 25_000)),  // memory older than 60 s
            at(100.001, synAck("\(client):1003", isn: 4)),
            at(102, data("\(client):1003", tsval: 27_000)),
        ])
        let report = try XCTUnwrap(onlyServer(analysis)?.clients.first)
        XCTAssertEqual(report.counters.synPacketsBelowRecent, 2)
        XCTAssertEqual(report.counters.unansweredBelowRecent, 2)
        XCTAssertEqual(report.counters.answeredBelowRecent, 0)
        XCTAssertTrue(report.timestampsGoBackwards)
        XCTAssertEqual(analysis.unansweredSyns.map(\.isBelowRecent), [true, true])
        XCTAssertEqual(analysis.unansweredSyns.map(\.recentTimestampValue), [50_010, 50_010])
        XCTAssertEqual(analysis.signature, .pawsTimestampRejection)
    }

    func testRegressionWithoutContrastIsNotBlamedOnTimestamps() throws {
        // Every SYN to :443 has an older TSval than the one remembered from :80 (per-connection random offsets
        // look like this): dropped and answered alike, so nothing shows that the TSval decided.
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:1", isn: 1, tsval: 90_000, to: "192.0.2.10:80")),
            at(0.001, synAck("10.0.0.1:1", isn: 1, from: "192.0.2.10:80")),
            at(1, syn("10.0.0.1:2", isn: 2, tsval: 1_000, to: "192.0.2.10:443")),
            at(1.001, synAck("10.0.0.1:2", isn: 2, from: "192.0.2.10:443")),
            at(2, syn("10.0.0.1:3", isn: 3, tsval: 2_000, to: "192.0.2.10:443")),
            at(3, syn("10.0.0.1:3", isn: 3, tsval: 3_000, to: "192.0.2.10:443")),
            at(20, data("10.0.0.7:9", tsval: 1)),
        ])
        XCTAssertEqual(analysis.totals.unansweredBelowRecent, 2)
        XCTAssertEqual(analysis.signature, .listenQueueDrops)
        XCTAssertTrue(analysis.finding.contains("so did every other SYN's"), analysis.finding)
    }

    func testTSvalComparisonSurvivesWrapAround() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:1", isn: 1, tsval: 0xFFFF_FF00)),
            at(0.001, synAck("10.0.0.1:1", isn: 1)),
            at(1, syn("10.0.0.1:2", isn: 2, tsval: 0x0000_0100)),
            at(1.001, synAck("10.0.0.1:2", isn: 2)),
            at(2, syn("10.0.0.1:3", isn: 3, tsval: 0xFFFF_FFF0)),
        ])
        let client = try XCTUnwrap(onlyServer(analysis)?.clients.first)
        XCTAssertEqual(client.counters.synPacketsBelowRecent, 1, "only the SYN from before the wrap is older")
    }

    func testMemoryIsPerServerHostAcrossPorts() throws {
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:1", isn: 1, tsval: 90_000, to: "192.0.2.10:80")),
            at(0.001, synAck("10.0.0.1:1", isn: 1, from: "192.0.2.10:80")),
            at(1, syn("10.0.0.1:2", isn: 2, tsval: 10_000, to: "192.0.2.10:443")),
            at(1, syn("10.0.0.1:3", isn: 3, tsval: 10_000, to: "192.0.2.99:443")),
            at(9, data("10.0.0.7:9", tsval: 1)),
        ])
        let below = Dictionary(uniqueKeysWithValues: analysis.servers.map { ($0.endpoint.description, $0.counters.synPacketsBelowRecent) })
        XCTAssertEqual(below["192.0.2.10:443"], 1)
        XCTAssertEqual(below["192.0.2.99:443"], 0)
    }

    // MARK: - Clocks

    private func clockSyns(clocks: [(offset: UInt32, hz: Int64)], count: Int, spacing: Double = 3.7) -> [Timed] {
        (0..<count).map { index in
            let clock = clocks[index % clocks.count]
            let seconds = Double(index) * spacing
            let tsval = clock.offset &+ UInt32(Double(clock.hz) * seconds)
            return at(seconds, syn("198.51.100.1:\(10_000 + index)", isn: UInt32(index), tsval: tsval))
        }
    }

    func testCountsTwoUnrelatedClocksBehindOneAddress() throws {
        let analysis = analyzeSegments(clockSyns(clocks: [(1_000_000, 1000), (3_000_000_000, 1000)], count: 30))
        let clocks = try XCTUnwrap(onlyServer(analysis)?.clients.first?.clocks)
        XCTAssertEqual(clocks.clocks, 2)
        XCTAssertEqual(clocks.rateHz, 1000)
        XCTAssertEqual(clocks.detail.map(\.synPackets), [15, 15])
        XCTAssertFalse(clocks.isLowerBound)
    }

    func testFindsTheClockRate() throws {
        let analysis = analyzeSegments(clockSyns(clocks: [(5, 250), (900_000, 250), (70_000_000, 250)], count: 60))
        let clocks = try XCTUnwrap(onlyServer(analysis)?.clients.first?.clocks)
        XCTAssertEqual(clocks.clocks, 3)
        XCTAssertEqual(clocks.rateHz, 250)
        let slow = analyzeSegments(clockSyns(clocks: [(5, 100)], count: 40))
        XCTAssertEqual(slow.servers.first?.clients.first?.clocks?.rateHz, 100)
        XCTAssertEqual(slow.servers.first?.clients.first?.clocks?.clocks, 1)
    }

    func testToleratesClockDrift() throws {
        // 200 ppm fast over two hours: 1.44 s of drift in total, a few ms between SYNs.
        let syns = (0..<200).map { index -> Timed in
            let seconds = Double(index) * 36
            let tsval = UInt32(7_000 + 1000 * seconds * 1.0002)
            return at(seconds, syn("198.51.100.1:\(10_000 + index)", isn: UInt32(index), tsval: tsval))
        }
        let clocks = try XCTUnwrap(analyzeSegments(syns).servers.first?.clients.first?.clocks)
        XCTAssertEqual(clocks.clocks, 1)
    }

    func testClockCountIsCappedAndMarkedAsALowerBound() throws {
        var options = SynAnalysisOptions()
        options.maximumClocksPerClient = 4
        var generator = SplitMix64(seed: 7)
        let offsets = (0..<10).map { _ in (UInt32(truncatingIfNeeded: generator.next()), Int64(1000)) }
        let clocks = try XCTUnwrap(analyzeSegments(clockSyns(clocks: offsets, count: 10), options: options)
            .servers.first?.clients.first?.clocks)
        XCTAssertEqual(clocks.clocks, 4)
        XCTAssertTrue(clocks.isLowerBound)
    }

    // MARK: - Selection and bounds

    func testServerSelection() throws {
        let segments = [
            at(0, syn("10.0.0.1:1", isn: 1, to: "192.0.2.10:80")),
            at(0, syn("10.0.0.1:2", isn: 2, to: "192.0.2.10:443")),
            at(0, syn("10.0.0.1:3", isn: 3, to: "192.0.2.11:80")),
        ]
        let byAddress = analyzeSegments(segments, options: SynAnalysisOptions(servers: [try ServerSelector(parsing: "192.0.2.10")]))
        XCTAssertEqual(byAddress.servers.map(\.endpoint.description).sorted(), ["192.0.2.10:443", "192.0.2.10:80"])
        let byEndpoint = analyzeSegments(segments, options: SynAnalysisOptions(servers: [try ServerSelector(parsing: "192.0.2.10:443")]))
        XCTAssertEqual(byEndpoint.servers.map(\.endpoint.description), ["192.0.2.10:443"])
        let none = analyzeSegments(segments, options: SynAnalysisOptions(servers: [try ServerSelector(parsing: "192.0.2.99")]))
        XCTAssertTrue(none.servers.isEmpty)
        XCTAssertTrue(none.finding.contains("no SYNs to 192.0.2.99"), none.finding)
    }

    func testUnansweredListingIsCappedAndTheRestCounted() {
        var options = SynAnalysisOptions()
        options.maximumUnansweredDetails = 5
        var segments = [at(0, syn("10.0.0.200:1", isn: 1)), at(0.001, synAck("10.0.0.200:1", isn: 1))]
        segments += (0..<20).map { at(Double($0), syn("10.0.0.1:\(2000 + $0)", isn: UInt32($0))) }
        segments.append(at(100, data("10.0.0.9:9", tsval: 1)))
        let analysis = analyzeSegments(segments, options: options)
        XCTAssertEqual(analysis.unansweredSyns.count, 5)
        XCTAssertEqual(analysis.unansweredSynsNotListed, 15)
        XCTAssertEqual(analysis.totals.unansweredSynPackets, 20)
    }

    func testPendingAttemptsAreBoundedWithoutLosingCounts() {
        var options = SynAnalysisOptions()
        options.maximumPendingAttempts = 100
        let segments = (0..<1_000).map { at(Double($0) * 0.01, syn("10.0.\($0 / 200).1:\(1000 + $0)", isn: UInt32($0))) }
            + [at(60, data("10.0.0.9:9", tsval: 1))]
        let analysis = analyzeSegments(segments, options: options)
        XCTAssertGreaterThan(analysis.limits.attemptsClosedEarly, 0)
        XCTAssertEqual(analysis.totals.synPackets, 1_000)
        XCTAssertEqual(analysis.totals.attemptsNeverAnswered, 1_000)
        XCTAssertEqual(analysis.totals.unansweredSynPackets, 1_000)
    }

    func testOldAttemptsExpireDuringTheCapture() {
        var collected = CollectingSink()
        var analyzer = SynAnalyzer()
        for index in 0..<50 {
            analyzer.consume(TCPSegmentInfo(
                frameNumber: index + 1, timestampNanoseconds: base + Int64(index) * 10_000_000_000,
                source: endpoint("10.0.0.1:\(1000 + index)"), destination: endpoint(server), flags: .syn,
                sequenceNumber: 1, acknowledgementNumber: 0), into: &collected)
        }
        XCTAssertGreaterThan(collected.syns.count, 30, "attempts older than their lifetime are closed as time passes")
        XCTAssertTrue(collected.syns.allSatisfy { $0.outcome == .unanswered })
    }

    func testClientsPastTheLimitArePooled() throws {
        var options = SynAnalysisOptions()
        options.maximumTrackedClients = 2
        let segments = (0..<5).map { at(Double($0), syn("10.0.0.\($0 + 1):1000", isn: 1, tsval: 1)) }
        let server = try XCTUnwrap(analyzeSegments(segments, options: options).servers.first)
        XCTAssertEqual(server.clients.count, 3)
        XCTAssertEqual(server.clients.filter { $0.address == nil }.first?.counters.synPackets, 3)
        XCTAssertEqual(server.counters.synPackets, 5)
    }

    func testEndpointsPastTheLimitAreOnlyCounted() {
        var options = SynAnalysisOptions()
        options.maximumServerEndpoints = 1
        let analysis = analyzeSegments([
            at(0, syn("10.0.0.1:1", isn: 1, to: "192.0.2.1:80")),
            at(0, syn("10.0.0.1:2", isn: 2, to: "192.0.2.2:80")),
        ], options: options)
        XCTAssertEqual(analysis.servers.count, 1)
        XCTAssertEqual(analysis.limits.synPacketsToUntrackedEndpoints, 1)
    }
}

/// Keeps every resolved SYN.
struct CollectingSink: ResolvedSynSink {
    var syns: [ResolvedSyn] = []

    mutating func receive(_ syn: ResolvedSyn) { syns.append(syn) }
}
