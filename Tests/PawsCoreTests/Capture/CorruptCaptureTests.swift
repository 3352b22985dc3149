import XCTest
@testable import PawsCore

/// Broken files must fail with an error naming the file and the byte offset, never crash.
final class CorruptCaptureTests: XCTestCase {
    private func readError(_ bytes: [UInt8], name: String = "broken.pcap") -> CaptureError? {
        do {
            _ = try readAll(bytes, name: name)
            return nil
        } catch let error as CaptureError {
            return error
        } catch {
            XCTFail("unexpected \(error)")
            return nil
        }
    }

    private func assertError(
        _ bytes: [UInt8], offset: Int64, mentions words: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let error = readError(bytes) else {
            XCTFail("no error", file: file, line: line)
            return
        }
        XCTAssertEqual(error.file, "broken.pcap", file: file, line: line)
        XCTAssertEqual(error.offset, offset, "\(error)", file: file, line: line)
        let text = error.description
        XCTAssertTrue(text.hasPrefix("broken.pcap: "), text, file: file, line: line)
        XCTAssertTrue(text.contains("byte offset \(offset)"), text, file: file, line: line)
        for word in words {
            XCTAssertTrue(text.contains(word), "'\(word)' missing from: \(text)", file: file, line: line)
        }
    }

    private var validClassic: [UInt8] {
        PcapWriter.classic([PcapWriter.Packet(timestampNanoseconds: 0, bytes: [1, 2, 3, 4])], linkType: 1)
    }

    private func validPcapng(order: ByteWriter.Order = .little) -> [UInt8] {
        PcapWriter.pcapng([PcapWriter.Section(
            order: order, interfaces: [PcapWriter.Interface(linkType: 1)],
            blocks: [.enhanced(PcapWriter.Packet(timestampNanoseconds: 0, bytes: [1, 2, 3, 4]))])])
    }

    func testBadMagic() {
        assertError(Array("GET / HTTP/1.1\r\n\r\n padding padding".utf8), offset: 0, mentions: ["0x47455420", "tcpdump -w"])
    }

    func testEmptyAndTruncatedHeaders() {
        assertError([], offset: 0, mentions: ["needs 4 bytes", "only 0"])
        assertError(Array(validClassic.prefix(10)), offset: 0, mentions: ["needs 24 bytes", "only 10"])
        assertError(Array(validPcapng().prefix(20)), offset: 0, mentions: ["needs 28 bytes"])
        assertError(Array(validPcapng().prefix(10)), offset: 0, mentions: ["needs 28 bytes"])
    }

    func testAbsurdClassicRecordLength() {
        var bytes = validClassic
        // incl_len of the first record (file header 24 + ts 8) := 2^31
        bytes.replaceSubrange(32..<36, with: [0, 0, 0, 0x80])
        assertError(bytes, offset: 32, mentions: ["2147483648", "limit"])
    }

    func testUnsupportedClassicVersion() {
        var bytes = validClassic
        bytes[4] = 3
        assertError(bytes, offset: 4, mentions: ["version 3.4"])
    }

    func testZeroLengthPcapngBlock() {
        var bytes = validPcapng()
        let interfaceBlock = 28  // right after the section header
        bytes.replaceSubrange((interfaceBlock + 4)..<(interfaceBlock + 8), with: [0, 0, 0, 0])
        assertError(bytes, offset: Int64(interfaceBlock + 4), mentions: ["length 0 is zero"])
    }

    func testPcapngBlockLengthNotMultipleOfFour() {
        var bytes = validPcapng(order: .big)
        let interfaceBlock = 28
        bytes[interfaceBlock + 7] = 21
        assertError(bytes, offset: Int64(interfaceBlock + 4), mentions: ["21 is not a multiple of 4"])
    }

    func testPcapngBlockLengthBelowMinimum() {
        var bytes = validPcapng()
        bytes.replaceSubrange(32..<36, with: [8, 0, 0, 0])
        assertError(bytes, offset: 32, mentions: ["below the 12-byte minimum"])
    }

    func testAbsurdPcapngBlockLength() {
        var bytes = validPcapng()
        bytes.replaceSubrange(32..<36, with: [0, 0, 0, 0x80])
        assertError(bytes, offset: 32, mentions: ["2147483648"])
    }

    func testMismatchedTrailer() {
        var bytes = validPcapng()
        let interfaceLength = Int(bytes[32])
        bytes[28 + interfaceLength - 4] ^= 0x04
        assertError(bytes, offset: 28, mentions: ["ends with"])
    }

    func testBadByteOrderMagic() {
        var bytes = validPcapng()
        bytes[8] = 0x00
        assertError(bytes, offset: 8, mentions: ["byte-order magic"])
    }

    func testPacketForUndefinedInterface() {
        let bytes = PcapWriter.pcapng([PcapWriter.Section(
            order: .little, interfaces: [PcapWriter.Interface(linkType: 1)],
            blocks: [.enhanced(PcapWriter.Packet(timestampNanoseconds: 0, bytes: [1], interface: 0))])])
        var broken = bytes
        let packetBlock = 28 + Int(bytes[32])
        broken[packetBlock + 8] = 3
        assertError(broken, offset: Int64(packetBlock), mentions: ["interface 3", "1 interface"])
    }

    func testCapturedLengthLargerThanItsBlock() {
        var bytes = validPcapng()
        let packetBlock = 28 + Int(bytes[32])
        bytes[packetBlock + 20] = 200
        assertError(bytes, offset: Int64(packetBlock), mentions: ["captured length 200 does not fit"])
    }

    func testMissingFileNamesThePath() {
        XCTAssertThrowsCaptureError(_ = try CaptureFile.reader(atPath: "/nonexistent/capture.pcap")) { error in
            XCTAssertEqual(error.file, "/nonexistent/capture.pcap")
            XCTAssertNil(error.offset)
            XCTAssertTrue(error.description.contains("No such file"), error.description)
        }
        XCTAssertThrowsCaptureError(_ = try CaptureFile.reader(atPath: NSTemporaryDirectory())) { error in
            XCTAssertTrue(error.description.contains("directory"), error.description)
        }
    }

    /// Random damage anywhere in a valid file may produce an error or fewer packets, never a crash.
    func testRandomCorruptionNeverCrashes() {
        let scenario = incidentScenario(attempts: 6).run()
        let originals = [
            PcapWriter.classic(scenario.serverSide.packets(), linkType: 1),
            PcapWriter.pcapng([PcapWriter.Section(
                order: .big, interfaces: [PcapWriter.Interface(linkType: 1, timestampResolution: 9)],
                blocks: scenario.serverSide.packets().map(PcapWriter.Block.enhanced))]),
        ]
        var generator = SplitMix64(seed: 2024)
        for original in originals {
            for _ in 0..<300 {
                var damaged = original
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    let position = Int(generator.next() % UInt64(damaged.count))
                    damaged[position] = UInt8(truncatingIfNeeded: generator.next())
                }
                if generator.next() % 3 == 0 {
                    damaged = Array(damaged.prefix(Int(generator.next() % UInt64(damaged.count))))
                }
                _ = try? analyze([("damaged", damaged)])
            }
        }
    }
}

/// A small deterministic generator so the corruption test is reproducible.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
