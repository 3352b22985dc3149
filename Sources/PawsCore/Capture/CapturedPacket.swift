/// One packet record as a reader found it: when, on which interface, and its captured bytes.
///
/// `bytes` is *borrowed* from the reader's buffer and stays valid only until the reader's next `next()`
/// call; that is what lets a reader hand out millions of packets without copying any. Because of that
/// borrowed pointer this type is deliberately not `Sendable`: decode it (into a `TCPSegmentInfo`) before
/// passing anything on.
public struct CapturedPacket {
    /// 1-based position of the record in its file, the number Wireshark shows as "No." / `frame.number`.
    public var frameNumber: Int
    /// Nanoseconds since the Unix epoch.
    public var timestampNanoseconds: Int64
    /// The pcapng interface ID (always 0 in classic pcap).
    public var interfaceIndex: Int
    public var linkType: LinkType
    /// The packet's length on the wire; larger than `bytes.count` when the snapshot length cut it.
    public var originalLength: Int
    /// The captured bytes, starting at the link-layer header.
    public var bytes: UnsafeRawBufferPointer
    /// Byte offset of the record's header in the file.
    public var fileOffset: Int64

    public init(
        frameNumber: Int, timestampNanoseconds: Int64, interfaceIndex: Int, linkType: LinkType,
        originalLength: Int, bytes: UnsafeRawBufferPointer, fileOffset: Int64
    ) {
        self.frameNumber = frameNumber
        self.timestampNanoseconds = timestampNanoseconds
        self.interfaceIndex = interfaceIndex
        self.linkType = linkType
        self.originalLength = originalLength
        self.bytes = bytes
        self.fileOffset = fileOffset
    }

    /// The latest timestamp a reader hands out: classic pcap's 32-bit seconds end here, and pcapng values past
    /// it (or before the epoch) are clamped into `0...maximumTimestampNanoseconds`, so that differences and
    /// sums of timestamps in the analysis cannot overflow.
    public static let maximumTimestampNanoseconds: Int64 = 4_294_967_296 * 1_000_000_000

    /// Whether the snapshot length cut this packet short.
    public var isTruncated: Bool { bytes.count < originalLength }
}
