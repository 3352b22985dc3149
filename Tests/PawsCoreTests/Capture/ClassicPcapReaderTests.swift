import XCTest
@testable import PawsCore

final class ClassicPcapReaderTests: XCTestCase {
    private let packets = [
        PcapWriter.Packet(timestampNanoseconds: 1_700_000_000_123_456_000, bytes: Array(repeating: 0xAB, count: 60)),
        PcapWriter.Packet(timestampNanoseconds: 1_700_000_001_000_001_000, bytes: Array(0..<200).map { UInt8($0) }),
        PcapWriter.Packet(timestampNanoseconds: 1_700_000_002_999_999_000, bytes: [1, 2, 3]),
    ]

    func testReadsBothByteOrdersWithMicrosecondTimestamps() throws {
        for order in [ByteWriter.Order.little, .big] {
            let (read, statistics) = try readAll(PcapWriter.classic(packets, linkType: 1, order: order))
            XCTAssertEqual(read.map(\.bytes), packets.map(\.bytes), "\(order)")
            XCTAssertEqual(read.map(\.timestampNanoseconds), packets.map(\.timestampNanoseconds), "\(order)")
            XCTAssertEqual(read.map(\.frameNumber), [1, 2, 3])
            XCTAssertEqual(read.first?.linkType, .ethernet)
            XCTAssertEqual(statistics.packets, 3)
            XCTAssertEqual(statistics.format, .pcap)
            XCTAssertNil(statistics.truncatedFinalRecordOffset)
        }
    }

    func testReadsNanosecondTimestampsExactly() throws {
        var precise = packets
        precise[0].timestampNanoseconds = 1_700_000_000_123_456_789
        for order in [ByteWriter.Order.little, .big] {
            let (read, _) = try readAll(PcapWriter.classic(precise, linkType: 101, order: order, nanoseconds: true))
            XCTAssertEqual(read.map(\.timestampNanoseconds), precise.map(\.timestampNanoseconds))
            XCTAssertEqual(read.first?.linkType, .raw)
        }
    }

    func testPacketsCutBySnapshotLengthAreCountedAndKeepTheirOriginalLength() throws {
        let bytes = PcapWriter.classic(packets, linkType: 1, snapshotLength: 64)
        let (read, statistics) = try readAll(bytes)
        XCTAssertEqual(read.map(\.bytes.count), [60, 64, 3])
        XCTAssertEqual(read[1].originalLength, 200)
        XCTAssertEqual(statistics.packetsCutBySnapshotLength, 1)
    }

    func testTruncatedLastRecordEndsTheStreamAndIsNoted() throws {
        let whole = PcapWriter.classic(packets, linkType: 1)
        let lastRecordOffset = whole.count - 16 - 3
        for cut in [whole.count - 1, whole.count - 3, lastRecordOffset + 10, lastRecordOffset + 1] {
            let (read, statistics) = try readAll(Array(whole.prefix(cut)))
            XCTAssertEqual(read.count, 2, "cut at \(cut)")
            XCTAssertEqual(statistics.truncatedFinalRecordOffset, Int64(lastRecordOffset), "cut at \(cut)")
        }
        let (read, statistics) = try readAll(Array(whole.prefix(lastRecordOffset)))
        XCTAssertEqual(read.count, 2)
        XCTAssertNil(statistics.truncatedFinalRecordOffset, "a file ending between records is complete")
    }

    func testHeaderOnlyFileHasNoPackets() throws {
        let (read, statistics) = try readAll(PcapWriter.classic([], linkType: 1))
        XCTAssertTrue(read.isEmpty)
        XCTAssertEqual(statistics.packets, 0)
    }

    func testFCSBitsInTheLinkTypeFieldAreIgnored() throws {
        let bytes = PcapWriter.classic(packets, linkType: 0x1400_0001)
        let (read, _) = try readAll(bytes)
        XCTAssertEqual(read.first?.linkType, .ethernet)
    }

    func testLargeRecordsGrowTheBufferAndSurviveRefills() throws {
        let big = (0..<5).map { index in
            PcapWriter.Packet(
                timestampNanoseconds: Int64(index) * 1_000_000_000,
                bytes: Array(repeating: UInt8(index), count: 3 << 20))
        }
        let (read, _) = try readAll(PcapWriter.classic(big, linkType: 1, snapshotLength: 4 << 20), pieceSize: 1 << 16)
        XCTAssertEqual(read.map(\.bytes), big.map(\.bytes))
    }

    func testStreamsFromAFileOnDisk() throws {
        let path = NSTemporaryDirectory() + "pawsguard-classic-\(UUID().uuidString).pcap"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let many = (0..<20_000).map { index in
            PcapWriter.Packet(timestampNanoseconds: Int64(index) * 1_000, bytes: Array(repeating: UInt8(index & 0xFF), count: 100 + index % 300))
        }
        try Data(PcapWriter.classic(many, linkType: 1)).write(to: URL(fileURLWithPath: path))
        var reader = try CaptureFile.reader(atPath: path)
        var count = 0
        while let packet = try reader.next() {
            XCTAssertEqual(packet.bytes.count, many[count].bytes.count)
            XCTAssertEqual(packet.bytes.first, UInt8(count & 0xFF))
            count += 1
        }
        XCTAssertEqual(count, many.count)
    }
}
