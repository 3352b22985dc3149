import XCTest
@testable import PawsCore

final class PcapngReaderTests: XCTestCase {
    func testReadsInterfacesWithTheirOwnLinkTypesAndTimestampResolutions() throws {
        let time: Int64 = 1_700_000_000_123_456_789
        let interfaces = [
            PcapWriter.Interface(linkType: 1),  // microseconds by default
            PcapWriter.Interface(linkType: 276, timestampResolution: 9),  // nanoseconds
            PcapWriter.Interface(linkType: 101, timestampResolution: 0x80 | 30),  // 2^-30 s
            PcapWriter.Interface(linkType: 113, timestampResolution: 3, timestampOffsetSeconds: 1_600_000_000),
        ]
        let blocks = interfaces.indices.map { index in
            PcapWriter.Block.enhanced(PcapWriter.Packet(timestampNanoseconds: time, bytes: [UInt8(index), 0xEE], interface: index))
        }
        for order in [ByteWriter.Order.little, .big] {
            let bytes = PcapWriter.pcapng([PcapWriter.Section(order: order, interfaces: interfaces, blocks: blocks)])
            let (read, statistics) = try readAll(bytes, name: "multi.pcapng")
            XCTAssertEqual(read.map(\.linkType), [.ethernet, .linuxCookedV2, .raw, .linuxCooked])
            XCTAssertEqual(read.map(\.interfaceIndex), [0, 1, 2, 3])
            XCTAssertEqual(read[0].timestampNanoseconds, 1_700_000_000_123_456_000)
            XCTAssertEqual(read[1].timestampNanoseconds, time)
            XCTAssertEqual(Double(read[2].timestampNanoseconds), Double(time), accuracy: 2)
            XCTAssertEqual(read[3].timestampNanoseconds, 1_700_000_000_123_000_000)
            XCTAssertEqual(read.map(\.bytes), [[0, 0xEE], [1, 0xEE], [2, 0xEE], [3, 0xEE]])
            XCTAssertEqual(statistics.format, .pcapng)
            XCTAssertEqual(statistics.linkTypes, [.ethernet, .linuxCookedV2, .raw, .linuxCooked])
        }
    }

    func testSectionsMayChangeByteOrderAndRedefineInterfaces() throws {
        let first = PcapWriter.Section(
            order: .little, interfaces: [PcapWriter.Interface(linkType: 1)],
            blocks: [.enhanced(PcapWriter.Packet(timestampNanoseconds: 1_000_000_000, bytes: [1]))])
        let second = PcapWriter.Section(
            order: .big, interfaces: [PcapWriter.Interface(linkType: 101, timestampResolution: 9)],
            blocks: [.enhanced(PcapWriter.Packet(timestampNanoseconds: 2_000_000_001, bytes: [2]))])
        let (read, statistics) = try readAll(PcapWriter.pcapng([first, second]))
        XCTAssertEqual(read.map(\.linkType), [.ethernet, .raw])
        XCTAssertEqual(read.map(\.timestampNanoseconds), [1_000_000_000, 2_000_000_001])
        XCTAssertEqual(read.map(\.frameNumber), [1, 2])
        XCTAssertEqual(statistics.sections, 2)
    }

    func testSimplePacketBlocksUseInterfaceZeroAndItsSnapshotLength() throws {
        let section = PcapWriter.Section(
            order: .little, interfaces: [PcapWriter.Interface(linkType: 1, snapshotLength: 4)],
            blocks: [.simple(bytes: [9, 8, 7, 6], originalLength: 1500)])
        let (read, statistics) = try readAll(PcapWriter.pcapng([section]))
        XCTAssertEqual(read.first?.bytes, [9, 8, 7, 6])
        XCTAssertEqual(read.first?.originalLength, 1500)
        XCTAssertEqual(statistics.packetsCutBySnapshotLength, 1)
    }

    func testObsoletePacketBlocksAreRead() throws {
        let section = PcapWriter.Section(
            order: .big, interfaces: [PcapWriter.Interface(linkType: 1)],
            blocks: [.obsolete(PcapWriter.Packet(timestampNanoseconds: 5_000_000, bytes: [4, 2]))])
        let (read, _) = try readAll(PcapWriter.pcapng([section]))
        XCTAssertEqual(read.first?.bytes, [4, 2])
        XCTAssertEqual(read.first?.timestampNanoseconds, 5_000_000)
    }

    func testUnknownBlocksAreSkippedAndCounted() throws {
        let section = PcapWriter.Section(
            order: .little, interfaces: [PcapWriter.Interface(linkType: 1)],
            blocks: [
                .other(type: 4, body: [1, 0, 4, 0, 127, 0, 0, 1, 0, 0, 0, 0]),  // name resolution
                .enhanced(PcapWriter.Packet(timestampNanoseconds: 0, bytes: [1])),
                .other(type: 5, body: Array(repeating: 0, count: 20)),  // interface statistics
                .other(type: 0x4000_0BAD, body: Array(repeating: 7, count: 9)),  // custom
                .enhanced(PcapWriter.Packet(timestampNanoseconds: 0, bytes: [2])),
            ])
        let (read, statistics) = try readAll(PcapWriter.pcapng([section]))
        XCTAssertEqual(read.map(\.bytes), [[1], [2]])
        XCTAssertEqual(statistics.skippedBlocks, 3)
    }

    func testTruncatedLastBlockEndsTheStreamAndIsNoted() throws {
        let section = PcapWriter.Section(
            order: .little, interfaces: [PcapWriter.Interface(linkType: 1)],
            blocks: [
                .enhanced(PcapWriter.Packet(timestampNanoseconds: 0, bytes: Array(repeating: 1, count: 64))),
                .enhanced(PcapWriter.Packet(timestampNanoseconds: 0, bytes: Array(repeating: 2, count: 64))),
            ])
        let whole = PcapWriter.pcapng([section])
        let lastBlockLength = 12 + 20 + 64 + 12
        let lastBlockOffset = whole.count - lastBlockLength
        for cut in [whole.count - 1, whole.count - 40, lastBlockOffset + 5] {
            let (read, statistics) = try readAll(Array(whole.prefix(cut)))
            XCTAssertEqual(read.count, 1, "cut at \(cut)")
            XCTAssertEqual(statistics.truncatedFinalRecordOffset, Int64(lastBlockOffset), "cut at \(cut)")
        }
    }

    func testInterfaceTimestampResolutionConversions() {
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 6).nanoseconds(fromUnits: 1_500_000), 1_500_000_000)
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 9).nanoseconds(fromUnits: 42), 42)
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 12).nanoseconds(fromUnits: 42_000), 42)
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 0).nanoseconds(fromUnits: 3), 3_000_000_000)
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 0x80 | 10).nanoseconds(fromUnits: 1024), 1_000_000_000)
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 0x80).nanoseconds(fromUnits: 2), 2_000_000_000)
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 0).nanoseconds(fromUnits: .max), .max, "saturates")
        XCTAssertEqual(PcapngTimestampResolution(optionByte: 127).nanoseconds(fromUnits: .max), 0)
        var interface = PcapngInterface(linkType: .ethernet, snapshotLength: 0)
        interface.offsetSeconds = 10
        XCTAssertEqual(interface.nanoseconds(fromUnits: 1), 10_000_001_000)
    }
}
