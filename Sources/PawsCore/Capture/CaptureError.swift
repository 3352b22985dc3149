/// Why a capture file could not be read.
///
/// Every case names the file and, where the file's contents are at fault, the byte offset of the header that
/// is wrong, so the user can look at it with `xxd -s OFFSET -l 64 FILE`. A packet cut short by the snapshot
/// length, or a last record cut short because tcpdump was killed, is *not* an error: readers count those.
public enum CaptureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened (missing, a directory, no permission).
    case cannotOpen(file: String, reason: String)
    /// `read(2)` failed part-way through.
    case readFailed(file: String, offset: Int64, reason: String)
    /// The first four bytes are neither a pcap nor a pcapng magic number.
    case unrecognizedFormat(file: String, magic: UInt32)
    /// The file ends inside its file header (or inside the first section header), before any packet.
    case truncatedFileHeader(file: String, offset: Int64, needed: Int, available: Int)
    /// A pcap or pcapng major version this reader does not know.
    case unsupportedVersion(file: String, offset: Int64, major: UInt16, minor: UInt16)
    /// A record or block claims more bytes than any real capture holds.
    case absurdLength(file: String, offset: Int64, length: UInt64, limit: Int)
    /// A pcapng block total length that cannot be right (zero, below the 12-byte minimum, not a multiple of 4).
    case invalidBlockLength(file: String, offset: Int64, length: UInt32, problem: BlockLengthProblem)
    /// The length at the end of a pcapng block differs from the one at its start.
    case mismatchedBlockTrailer(file: String, offset: Int64, leading: UInt32, trailing: UInt32)
    /// A pcapng section header whose byte-order magic is neither 0x1A2B3C4D nor its byte swap.
    case invalidByteOrderMagic(file: String, offset: Int64, value: UInt32)
    /// A packet block refers to an interface that no interface description block defined.
    case undefinedInterface(file: String, offset: Int64, interfaceID: UInt32, definedInterfaces: Int)
    /// A pcapng block whose fields contradict its own length.
    case malformedBlock(file: String, offset: Int64, blockType: UInt32, detail: String)

    /// What is wrong with a pcapng block total length.
    public enum BlockLengthProblem: String, Sendable, Equatable {
        case zero = "is zero"
        case belowMinimum = "is below the 12-byte minimum"
        case notMultipleOfFour = "is not a multiple of 4"
    }

    /// The capture file the error is about.
    public var file: String {
        switch self {
        case .cannotOpen(let file, _), .readFailed(let file, _, _), .unrecognizedFormat(let file, _),
             .truncatedFileHeader(let file, _, _, _), .unsupportedVersion(let file, _, _, _),
             .absurdLength(let file, _, _, _), .invalidBlockLength(let file, _, _, _),
             .mismatchedBlockTrailer(let file, _, _, _), .invalidByteOrderMagic(let file, _, _),
             .undefinedInterface(let file, _, _, _), .malformedBlock(let file, _, _, _):
            return file
        }
    }

    /// The byte offset in the file where the problem is, when there is one.
    public var offset: Int64? {
        switch self {
        case .cannotOpen: return nil
        case .unrecognizedFormat: return 0
        case .readFailed(_, let offset, _), .truncatedFileHeader(_, let offset, _, _),
             .unsupportedVersion(_, let offset, _, _), .absurdLength(_, let offset, _, _),
             .invalidBlockLength(_, let offset, _, _), .mismatchedBlockTrailer(_, let offset, _, _),
             .invalidByteOrderMagic(_, let offset, _), .undefinedInterface(_, let offset, _, _),
             .malformedBlock(_, let offset, _, _):
            return offset
        }
    }

    public var description: String {
        let corruptAdvice = "the file is damaged or not a capture; re-capture it with `tcpdump -w`, or try to repair it"
            + " with `pcapfix` and read the repaired copy"
        switch self {
        case .cannotOpen(let file, let reason):
            return "\(file): cannot open the capture: \(reason). Check the path and that you may read it."
        case .readFailed(let file, let offset, let reason):
            return "\(file): byte offset \(offset): reading failed: \(reason). Check the disk and copy the file again."
        case .unrecognizedFormat(let file, let magic):
            return "\(file): byte offset 0: magic number \(hex(magic)) is neither pcap (0xa1b2c3d4, 0xa1b23c4d) nor"
                + " pcapng (0x0a0d0d0a); write captures with `tcpdump -w FILE` (or save as pcap/pcapng in Wireshark)."
        case .truncatedFileHeader(let file, let offset, let needed, let available):
            return "\(file): byte offset \(offset): the file header needs \(needed) bytes but the file has only"
                + " \(available) there; the capture was cut off before its first packet, so there is nothing to read."
        case .unsupportedVersion(let file, let offset, let major, let minor):
            return "\(file): byte offset \(offset): unsupported format version \(major).\(minor); convert the file"
                + " with `editcap -F pcap IN OUT` and read the copy."
        case .absurdLength(let file, let offset, let length, let limit):
            return "\(file): byte offset \(offset): a record claims \(length) bytes, more than the \(limit)-byte limit"
                + " of any real capture; \(corruptAdvice)."
        case .invalidBlockLength(let file, let offset, let length, let problem):
            return "\(file): byte offset \(offset): pcapng block length \(length) \(problem.rawValue); \(corruptAdvice)."
        case .mismatchedBlockTrailer(let file, let offset, let leading, let trailing):
            return "\(file): byte offset \(offset): pcapng block starts with length \(leading) but ends with"
                + " \(trailing); \(corruptAdvice)."
        case .invalidByteOrderMagic(let file, let offset, let value):
            return "\(file): byte offset \(offset): section header byte-order magic \(hex(value)) is not"
                + " 0x1a2b3c4d; \(corruptAdvice)."
        case .undefinedInterface(let file, let offset, let interfaceID, let definedInterfaces):
            return "\(file): byte offset \(offset): packet block refers to interface \(interfaceID) but the section"
                + " defines \(definedInterfaces) interface(s); \(corruptAdvice)."
        case .malformedBlock(let file, let offset, let blockType, let detail):
            return "\(file): byte offset \(offset): pcapng block type \(hex(blockType)): \(detail); \(corruptAdvice)."
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
