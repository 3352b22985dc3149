/// Opens a capture, telling classic pcap from pcapng by the first four bytes.
public enum CaptureFile {
    /// A streaming reader for the capture at `path`.
    public static func reader(atPath path: String) throws(CaptureError) -> any CaptureReader {
        try reader(for: FileByteSource(path: path))
    }

    /// A streaming reader for the capture `source` yields from its start.
    public static func reader(for source: any ByteSource) throws(CaptureError) -> any CaptureReader {
        var stream = ChunkedByteStream(source: source)
        guard try stream.fill(atLeast: 4) else {
            throw .truncatedFileHeader(file: source.name, offset: 0, needed: 4, available: stream.available)
        }
        let magic = stream.pointer.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
        if magic == PcapngReader.sectionHeaderType {
            return try PcapngReader(stream: stream)
        }
        let classicMagics = [
            ClassicPcapReader.microsecondMagic, ClassicPcapReader.nanosecondMagic, ClassicPcapReader.kuznetzovMagic,
        ]
        if classicMagics.contains(magic) || classicMagics.contains(magic.byteSwapped) {
            return try ClassicPcapReader(stream: stream)
        }
        throw .unrecognizedFormat(file: source.name, magic: stream.pointer.loadBigEndianUInt32(at: 0))
    }
}
