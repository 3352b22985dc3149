/// A streaming reader of one capture file: pull packets one by one with `next()`.
///
/// Readers reuse one buffer, so each packet's bytes are only valid until the following `next()` call.
/// A last record cut off by the end of the file ends the stream quietly and is noted in `statistics`;
/// structurally impossible headers throw `CaptureError` with the file and byte offset.
public protocol CaptureReader {
    /// The next packet, or nil after the last one.
    mutating func next() throws(CaptureError) -> CapturedPacket?

    /// What was read so far.
    var statistics: CaptureReadStatistics { get }
}

/// Counts a reader keeps while it streams a file.
public struct CaptureReadStatistics: Sendable, Hashable, Codable {
    public enum Format: String, Sendable, Hashable, Codable {
        case pcap
        case pcapng
    }

    public var format: Format
    /// Packet records returned.
    public var packets: Int = 0
    /// Packets the snapshot length cut short (`captured < original`).
    public var packetsCutBySnapshotLength: Int = 0
    /// Byte offset of a final record the file ends in the middle of (tcpdump killed while writing).
    public var truncatedFinalRecordOffset: Int64?
    /// pcapng blocks skipped because they carry no packets pawsguard uses (statistics, name resolution, ...).
    public var skippedBlocks: Int = 0
    /// pcapng sections (always 1 for classic pcap).
    public var sections: Int = 0
    /// Link types of the interfaces seen, in order of first appearance.
    public var linkTypes: [LinkType] = []

    public init(format: Format) {
        self.format = format
    }

    mutating func noteLinkType(_ linkType: LinkType) {
        if !linkTypes.contains(linkType) { linkTypes.append(linkType) }
    }
}

/// The largest record or block a reader accepts. Real snapshot lengths stop at 256 KiB and libpcap caps
/// pcapng blocks at 16 MiB; anything past this is a corrupt length, not a packet.
public let maximumCaptureRecordLength = 64 << 20
