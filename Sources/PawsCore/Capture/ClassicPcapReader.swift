/// Reads the classic libpcap format (what `tcpdump -w` writes): a 24-byte file header, then records of a
/// 16-byte header and the captured bytes. Handles both byte orders, microsecond and nanosecond
/// timestamps, and the 24-byte record headers of Alexey Kuznetzov's patched libpcap.
public struct ClassicPcapReader: CaptureReader {
    /// Magic numbers as read in the file's own byte order.
    static let microsecondMagic: UInt32 = 0xA1B2_C3D4
    static let nanosecondMagic: UInt32 = 0xA1B2_3C4D
    static let kuznetzovMagic: UInt32 = 0xA1B2_CD34
    static let fileHeaderLength = 24

    public let fileName: String
    public let linkType: LinkType
    public let snapshotLength: UInt32
    /// True when the record timestamps count nanoseconds rather than microseconds.
    public let hasNanosecondTimestamps: Bool
    public private(set) var statistics = CaptureReadStatistics(format: .pcap)

    private var stream: ChunkedByteStream
    private let swapped: Bool
    private let recordHeaderLength: Int
    private let fractionToNanoseconds: Int64

    /// Reads the file header from `stream`, which must be at offset 0.
    init(stream: ChunkedByteStream) throws(CaptureError) {
        var stream = stream
        let name = stream.source.name
        guard try stream.fill(atLeast: Self.fileHeaderLength) else {
            throw .truncatedFileHeader(file: name, offset: 0, needed: Self.fileHeaderLength, available: stream.available)
        }
        let header = stream.pointer
        let nativeMagic = header.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
        let swapped: Bool
        let magic: UInt32
        switch nativeMagic {
        case Self.microsecondMagic, Self.nanosecondMagic, Self.kuznetzovMagic:
            swapped = false
            magic = nativeMagic
        default:
            swapped = true
            magic = nativeMagic.byteSwapped
        }
        guard magic == Self.microsecondMagic || magic == Self.nanosecondMagic || magic == Self.kuznetzovMagic else {
            throw .unrecognizedFormat(file: name, magic: header.loadBigEndianUInt32(at: 0))
        }
        let major = header.loadUInt16(at: 4, swapped: swapped)
        let minor = header.loadUInt16(at: 6, swapped: swapped)
        guard major == 2 else {
            throw .unsupportedVersion(file: name, offset: 4, major: major, minor: minor)
        }
        // The upper bits of the link-type field carry FCS information, not the type.
        let linkType = LinkType(rawValue: header.loadUInt32(at: 20, swapped: swapped) & 0xFFFF)

        fileName = name
        self.swapped = swapped
        self.linkType = linkType
        snapshotLength = header.loadUInt32(at: 16, swapped: swapped)
        hasNanosecondTimestamps = magic == Self.nanosecondMagic
        fractionToNanoseconds = hasNanosecondTimestamps ? 1 : 1_000
        recordHeaderLength = magic == Self.kuznetzovMagic ? 24 : 16
        stream.consume(Self.fileHeaderLength)
        self.stream = stream
        statistics.sections = 1
        statistics.noteLinkType(linkType)
    }

    public mutating func next() throws(CaptureError) -> CapturedPacket? {
        let recordOffset = stream.offset
        guard try stream.fill(atLeast: recordHeaderLength) else {
            if stream.available > 0 { noteTruncatedFinalRecord(at: recordOffset) }
            return nil
        }
        let header = stream.pointer
        let seconds = header.loadUInt32(at: 0, swapped: swapped)
        let fraction = header.loadUInt32(at: 4, swapped: swapped)
        let capturedLength = header.loadUInt32(at: 8, swapped: swapped)
        let originalLength = header.loadUInt32(at: 12, swapped: swapped)
        guard capturedLength <= maximumCaptureRecordLength else {
            throw .absurdLength(
                file: fileName, offset: recordOffset + 8, length: UInt64(capturedLength), limit: maximumCaptureRecordLength)
        }
        let recordLength = recordHeaderLength + Int(capturedLength)
        guard try stream.fill(atLeast: recordLength) else {
            noteTruncatedFinalRecord(at: recordOffset)
            return nil
        }
        let bytes = UnsafeRawBufferPointer(start: stream.pointer + recordHeaderLength, count: Int(capturedLength))
        stream.consume(recordLength)

        statistics.packets += 1
        if originalLength > capturedLength { statistics.packetsCutBySnapshotLength += 1 }
        return CapturedPacket(
            frameNumber: statistics.packets,
            timestampNanoseconds: Int64(seconds) * 1_000_000_000 + Int64(fraction) * fractionToNanoseconds,
            interfaceIndex: 0,
            linkType: linkType,
            originalLength: Int(max(originalLength, capturedLength)),
            bytes: bytes,
            fileOffset: recordOffset
        )
    }

    private mutating func noteTruncatedFinalRecord(at offset: Int64) {
        statistics.truncatedFinalRecordOffset = offset
        stream.consume(stream.available)
    }
}
