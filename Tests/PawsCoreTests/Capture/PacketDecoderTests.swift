import XCTest
@testable import PawsCore

final class PacketDecoderTests: XCTestCase {
    private func spec(options: [UInt8]? = nil, flags: TCPFlags = .syn) -> SegmentSpec {
        SegmentSpec(
            "198.51.100.7:51000", "203.0.113.5:80", flags: flags, sequenceNumber: 0xDEAD_BEEF,
            acknowledgementNumber: 7, timestampValue: 0x0102_0304, timestampEchoReply: 0x0A0B_0C0D, options: options)
    }

    func testDecodesTheTCPHeaderFields() {
        let (segment, _) = decode(FrameBuilder.ipv4(spec()), linkType: .raw)
        XCTAssertEqual(segment?.source.description, "198.51.100.7:51000")
        XCTAssertEqual(segment?.destination.description, "203.0.113.5:80")
        XCTAssertEqual(segment?.sequenceNumber, 0xDEAD_BEEF)
        XCTAssertEqual(segment?.acknowledgementNumber, 7)
        XCTAssertEqual(segment?.flags, .syn)
        XCTAssertEqual(segment?.timestampValue, 0x0102_0304)
        XCTAssertEqual(segment?.timestampEchoReply, 0x0A0B_0C0D)
    }

    func testFindsTimestampsAmongOtherOptionsInAnyOrder() {
        let ts = FrameBuilder.timestampOption(0x0102_0304, 0x0A0B_0C0D)
        let layouts: [[UInt8]] = [
            ts,
            [1, 1] + ts,
            [2, 4, 0x05, 0xB4, 4, 2] + ts + [1, 3, 3, 7],  // Linux
            [2, 4, 0x05, 0xB4, 1, 3, 3, 8, 1, 1] + ts + [4, 2, 0, 0],  // macOS
            [2, 4, 0x05, 0xB4, 1, 3, 3, 8, 1, 1, 4, 2] + ts,
            [3, 3, 7, 4, 2, 1] + ts + [2, 4, 0x05, 0xB4],
            [5, 10, 0, 0, 0, 1, 0, 0, 0, 2] + ts,  // SACK block first
        ]
        for options in layouts {
            let (segment, statistics) = decode(FrameBuilder.ipv4(spec(options: options)), linkType: .raw)
            XCTAssertEqual(segment?.timestampValue, 0x0102_0304, "\(options)")
            XCTAssertEqual(segment?.timestampEchoReply, 0x0A0B_0C0D, "\(options)")
            XCTAssertEqual(statistics.malformedTCPOptions, 0, "\(options)")
        }
    }

    func testEndOfOptionListStopsTheWalk() {
        let options = [0, 0, 0, 0] + FrameBuilder.timestampOption(5)
        let (segment, statistics) = decode(FrameBuilder.ipv4(spec(options: options)), linkType: .raw)
        XCTAssertNotNil(segment)
        XCTAssertNil(segment?.timestampValue)
        XCTAssertEqual(statistics.malformedTCPOptions, 0)
    }

    func testMalformedOptionLengthsAreCountedAndTheSegmentKept() {
        let cases: [[UInt8]] = [
            [2, 0, 0, 0] + FrameBuilder.timestampOption(5),  // length 0
            [2, 1, 0, 0] + FrameBuilder.timestampOption(5),  // length 1
            [2, 40, 0, 0],  // runs past the header
            [8, 8, 0, 0, 0, 1, 0, 0],  // timestamps with the wrong length
            [1, 1, 1, 8],  // kind with no length byte at the end of the header
        ]
        for options in cases {
            let (segment, statistics) = decode(FrameBuilder.ipv4(spec(options: options)), linkType: .raw)
            XCTAssertNotNil(segment, "\(options)")
            XCTAssertNil(segment?.timestampValue, "\(options)")
            XCTAssertEqual(statistics.malformedTCPOptions, 1, "\(options)")
        }
    }

    func testIPv4OptionsAreSkipped() {
        let recordRoute: [UInt8] = [7, 11, 4] + Array(repeating: 0, count: 8) + [1]
        let (segment, _) = decode(FrameBuilder.ipv4(spec(), options: recordRoute), linkType: .raw)
        XCTAssertEqual(segment?.sequenceNumber, 0xDEAD_BEEF)
        XCTAssertEqual(segment?.timestampValue, 0x0102_0304)
    }

    func testOnlyTheFirstFragmentIsDecoded() {
        let first = decode(FrameBuilder.ipv4(spec(), moreFragments: true), linkType: .raw)
        XCTAssertEqual(first.0?.sequenceNumber, 0xDEAD_BEEF)
        let later = decode(FrameBuilder.ipv4(spec(), fragmentOffset: 185), linkType: .raw)
        XCTAssertNil(later.0)
        XCTAssertEqual(later.1.laterFragments, 1)
    }

    func testIPv6ExtensionHeaders() {
        let spec6 = SegmentSpec(
            "[2001:db8::1]:1234", "[2001:db8::2]:80", flags: .syn, sequenceNumber: 99, timestampValue: 77)
        let chains: [[FrameBuilder.ExtensionHeader]] = [
            [],
            [.hopByHop()],
            [.hopByHop(), .routing(), .destinationOptions()],
            [.fragment(offset: 0, more: true)],
            [.destinationOptions(), .fragment(offset: 0, more: false)],
        ]
        for chain in chains {
            let (segment, _) = decode(FrameBuilder.ipv6(spec6, extensionHeaders: chain), linkType: .raw)
            XCTAssertEqual(segment?.sequenceNumber, 99, "\(chain.map(\.type))")
            XCTAssertEqual(segment?.timestampValue, 77)
            XCTAssertEqual(segment?.source.description, "[2001:db8::1]:1234")
        }
        let later = decode(FrameBuilder.ipv6(spec6, extensionHeaders: [.fragment(offset: 100, more: false)]), linkType: .raw)
        XCTAssertNil(later.0)
        XCTAssertEqual(later.1.laterFragments, 1)
    }

    func testNonTCPIsCounted() {
        let udp = FrameBuilder.ipv4(spec(), protocolNumber: 17, payload: Array(repeating: 0, count: 8))
        XCTAssertEqual(decode(udp, linkType: .raw).1.notTCP, 1)
        var esp = FrameBuilder.ipv6(SegmentSpec("[::1]:1", "[::2]:2", flags: .syn))
        esp[6] = 50
        XCTAssertEqual(decode(esp, linkType: .raw).1.notTCP, 1)
    }

    func testHeadersCutBySnapshotLengthAreCountedAsTruncated() {
        let frame = FrameBuilder.ethernet(FrameBuilder.ipv4(spec()))
        for length in [14, 20, 34, 40, 53] {
            let (segment, statistics) = decode(Array(frame.prefix(length)), linkType: .ethernet, originalLength: frame.count)
            XCTAssertNil(segment, "cut at \(length)")
            XCTAssertEqual(statistics.truncatedHeaders, 1, "cut at \(length)")
        }
        // Cut inside the options: the segment is kept, the cut-off option is not guessed at.
        let (segment, statistics) = decode(Array(frame.prefix(14 + 20 + 20 + 8)), linkType: .ethernet, originalLength: frame.count)
        XCTAssertEqual(segment?.sequenceNumber, 0xDEAD_BEEF)
        XCTAssertNil(segment?.timestampValue)
        XCTAssertEqual(statistics.malformedTCPOptions, 0)
    }

    func testContradictoryHeadersAreMalformed() {
        var badIHL = FrameBuilder.ipv4(spec())
        badIHL[0] = 0x44
        XCTAssertEqual(decode(badIHL, linkType: .raw).1.malformed, 1)
        var badOffset = FrameBuilder.ipv4(spec())
        badOffset[20 + 12] = 0x30
        XCTAssertEqual(decode(badOffset, linkType: .raw).1.malformed, 1)
        var shortTotal = FrameBuilder.ipv4(spec())
        shortTotal[2] = 0
        shortTotal[3] = 30  // total length ends inside the TCP header
        XCTAssertEqual(decode(shortTotal, linkType: .raw).1.malformed, 1)
        var version = FrameBuilder.ipv4(spec())
        version[0] = 0x75
        XCTAssertEqual(decode(version, linkType: .raw).1.notIP, 1)
    }

    func testEthernetPaddingIsNotReadAsOptions() {
        let ack = SegmentSpec("10.0.0.1:1", "10.0.0.2:2", flags: .ack, options: [])
        let frame = FrameBuilder.ethernet(FrameBuilder.ipv4(ack)) + [8, 10, 1, 2, 3, 4, 5, 6, 7, 8]
        let (segment, statistics) = decode(frame, linkType: .ethernet)
        XCTAssertNil(segment?.timestampValue)
        XCTAssertEqual(statistics.malformedTCPOptions, 0)
    }

    func testTotalLengthZeroFromSegmentationOffloadUsesTheCapturedLength() {
        var frame = FrameBuilder.ipv4(spec())
        frame[2] = 0
        frame[3] = 0
        XCTAssertEqual(decode(frame, linkType: .raw).0?.timestampValue, 0x0102_0304)
    }
}
