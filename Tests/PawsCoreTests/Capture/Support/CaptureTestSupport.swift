import XCTest
@testable import PawsCore

/// Reads every packet of an in-memory capture, handing records out in small pieces so they straddle the
/// reader's refills.
func readAll(_ bytes: [UInt8], name: String = "test.pcap", pieceSize: Int = 7) throws -> (packets: [ReadPacket], statistics: CaptureReadStatistics) {
    var reader = try CaptureFile.reader(for: MemoryByteSource(name: name, bytes: bytes, maximumReadSize: pieceSize))
    var packets: [ReadPacket] = []
    while let packet = try reader.next() {
        packets.append(ReadPacket(packet))
    }
    return (packets, reader.statistics)
}

/// A copy of a `CapturedPacket` that outlives the reader's buffer.
struct ReadPacket: Equatable {
    var frameNumber: Int
    var timestampNanoseconds: Int64
    var interfaceIndex: Int
    var linkType: LinkType
    var originalLength: Int
    var bytes: [UInt8]

    init(_ packet: CapturedPacket) {
        frameNumber = packet.frameNumber
        timestampNanoseconds = packet.timestampNanoseconds
        interfaceIndex = packet.interfaceIndex
        linkType = packet.linkType
        originalLength = packet.originalLength
        bytes = Array(packet.bytes)
    }
}

/// Decodes one frame of `linkType`.
func decode(_ frame: [UInt8], linkType: LinkType, originalLength: Int? = nil) -> (TCPSegmentInfo?, PacketDecodeStatistics) {
    var decoder = PacketDecoder()
    let segment = frame.withUnsafeBytes { bytes in
        decoder.decode(CapturedPacket(
            frameNumber: 1, timestampNanoseconds: 0, interfaceIndex: 0, linkType: linkType,
            originalLength: originalLength ?? frame.count, bytes: bytes, fileOffset: 0))
    }
    return (segment, decoder.statistics)
}

/// Analyses in-memory captures as one capture.
func analyze(_ captures: [(name: String, bytes: [UInt8])], options: SynAnalysisOptions = SynAnalysisOptions()) throws -> CaptureVerdict {
    try CaptureInvestigation.analyze(captures.map { CaptureInput.bytes($0.bytes, name: $0.name) }, options: options)
}

/// Feeds segments straight into an analyzer.
func analyzeSegments(_ segments: [ConnectionScenario.TimedSegment], options: SynAnalysisOptions = SynAnalysisOptions()) -> CaptureAnalysis {
    var analyzer = SynAnalyzer(options: options)
    analyzer.beginFile(named: "segments")
    for (index, timed) in segments.enumerated() {
        let spec = timed.segment
        analyzer.consume(TCPSegmentInfo(
            frameNumber: index + 1, timestampNanoseconds: timed.timestampNanoseconds, source: spec.source,
            destination: spec.destination, flags: spec.flags, sequenceNumber: spec.sequenceNumber,
            acknowledgementNumber: spec.acknowledgementNumber, timestampValue: spec.timestampValue,
            timestampEchoReply: spec.timestampValue == nil ? nil : spec.timestampEchoReply))
    }
    return analyzer.finish()
}

/// The incident: two pods behind the node's address, unrelated TSval clocks, a tw_recycle server.
func incidentScenario(attempts: Int = 40, lostInTransit: Set<Int> = []) -> ConnectionScenario {
    ConnectionScenario(
        clients: [
            ScenarioClient(address: "10.244.1.5", natAddress: "192.168.0.2", clockOffset: 5_000_000),
            ScenarioClient(address: "10.244.2.7", natAddress: "192.168.0.2", clockOffset: 3_500_000_000),
        ],
        attempts: attempts, policy: .pawsWithTwRecycle, lostInTransit: lostInTransit)
}

func XCTAssertThrowsCaptureError(
    _ expression: @autoclosure () throws -> Void, file: StaticString = #filePath, line: UInt = #line,
    _ check: (CaptureError) -> Void
) {
    do {
        try expression()
        XCTFail("expected a CaptureError", file: file, line: line)
    } catch let error as CaptureError {
        check(error)
    } catch {
        XCTFail("expected a CaptureError, got \(error)", file: file, line: line)
    }
}
