/// Reads pcapng: sections (each with its own byte order), interfaces (each with its own link type and
/// timestamp resolution), and the packet blocks EPB, SPB and the obsolete OPB. Other blocks (name
/// resolution, statistics, decryption secrets, custom) are skipped and counted.
public struct PcapngReader: CaptureReader {
    static let sectionHeaderType: UInt32 = 0x0A0D_0D0A
    static let byteOrderMagic: UInt32 = 0x1A2B_3C4D
    static let interfaceDescriptionType: UInt32 = 1
    static let obsoletePacketType: UInt32 = 2
    static let simplePacketType: UInt32 = 3
    static let enhancedPacketType: UInt32 = 6
    static let minimumSectionHeaderLength = 28

    public let fileName: String
    public private(set) var statistics = CaptureReadStatistics(format: .pcapng)

    private var stream: ChunkedByteStream
    private var swapped = false
    private var interfaces: [PcapngInterface] = []

    /// Reads the first section header from `stream`, which must be at offset 0.
    init(stream: ChunkedByteStream) throws(CaptureError) {
        self.stream = stream
        fileName = stream.source.name
        guard try readSectionHeader(isFirst: true) else {
            throw .truncatedFileHeader(
                file: fileName, offset: 0, needed: Self.minimumSectionHeaderLength, available: self.stream.available)
        }
    }

    public mutating func next() throws(CaptureError) -> CapturedPacket? {
        while true {
            let blockOffset = stream.offset
            guard try stream.fill(atLeast: 8) else {
                return endOfFile(at: blockOffset)
            }
            // The section header type reads the same in both byte orders.
            if stream.pointer.loadUnaligned(fromByteOffset: 0, as: UInt32.self) == Self.sectionHeaderType {
                guard try readSectionHeader(isFirst: false) else { return endOfFile(at: blockOffset) }
                continue
            }
            let type = stream.pointer.loadUInt32(at: 0, swapped: swapped)
            let length = stream.pointer.loadUInt32(at: 4, swapped: swapped)
            try validate(blockLength: length, at: blockOffset)
            let blockLength = Int(length)
            guard try stream.fill(atLeast: blockLength) else {
                return endOfFile(at: blockOffset)
            }
            let block = stream.pointer
            let trailer = block.loadUInt32(at: blockLength - 4, swapped: swapped)
            guard trailer == length else {
                throw .mismatchedBlockTrailer(file: fileName, offset: blockOffset, leading: length, trailing: trailer)
            }

            let packet: CapturedPacket?
            switch type {
            case Self.enhancedPacketType:
                packet = try timestampedPacket(block, length: blockLength, offset: blockOffset, type: Self.enhancedPacketType)
            case Self.simplePacketType:
                packet = try simplePacket(block, length: blockLength, offset: blockOffset)
            case Self.obsoletePacketType:
                packet = try timestampedPacket(block, length: blockLength, offset: blockOffset, type: Self.obsoletePacketType)
            case Self.interfaceDescriptionType:
                try readInterfaceDescription(block, length: blockLength, offset: blockOffset)
                packet = nil
            default:
                statistics.skippedBlocks += 1
                packet = nil
            }
            stream.consume(blockLength)
            if let packet { return packet }
        }
    }

    // MARK: - Blocks

    /// Reads a section header at the current position. Returns false when the file ends inside it.
    private mutating func readSectionHeader(isFirst: Bool) throws(CaptureError) -> Bool {
        let blockOffset = stream.offset
        guard try stream.fill(atLeast: 12) else { return false }
        let nativeOrderMagic = stream.pointer.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        switch nativeOrderMagic {
        case Self.byteOrderMagic: swapped = false
        case Self.byteOrderMagic.byteSwapped: swapped = true
        default:
            throw .invalidByteOrderMagic(
                file: fileName, offset: blockOffset + 8, value: stream.pointer.loadBigEndianUInt32(at: 8))
        }
        let length = stream.pointer.loadUInt32(at: 4, swapped: swapped)
        try validate(blockLength: length, at: blockOffset)
        guard Int(length) >= Self.minimumSectionHeaderLength else {
            throw .malformedBlock(
                file: fileName, offset: blockOffset, blockType: Self.sectionHeaderType,
                detail: "section header length \(length) is below its 28-byte minimum")
        }
        guard try stream.fill(atLeast: Int(length)) else {
            if isFirst {
                throw .truncatedFileHeader(
                    file: fileName, offset: blockOffset, needed: Int(length), available: stream.available)
            }
            return false
        }
        let block = stream.pointer
        let trailer = block.loadUInt32(at: Int(length) - 4, swapped: swapped)
        guard trailer == length else {
            throw .mismatchedBlockTrailer(file: fileName, offset: blockOffset, leading: length, trailing: trailer)
        }
        let major = block.loadUInt16(at: 12, swapped: swapped)
        let minor = block.loadUInt16(at: 14, swapped: swapped)
        guard major == 1 else {
            throw .unsupportedVersion(file: fileName, offset: blockOffset + 12, major: major, minor: minor)
        }
        interfaces.removeAll(keepingCapacity: true)
        statistics.sections += 1
        stream.consume(Int(length))
        return true
    }

    private mutating func readInterfaceDescription(
        _ block: UnsafeRawPointer, length: Int, offset: Int64
    ) throws(CaptureError) {
        guard length >= 20 else {
            throw .malformedBlock(
                file: fileName, offset: offset, blockType: Self.interfaceDescriptionType,
                detail: "interface description of \(length) bytes is below its 20-byte minimum")
        }
        let linkType = LinkType(rawValue: UInt32(block.loadUInt16(at: 8, swapped: swapped)))
        var interface = PcapngInterface(linkType: linkType, snapshotLength: block.loadUInt32(at: 12, swapped: swapped))
        forEachOption(in: block, from: 16, to: length - 4) { code, valueOffset, valueLength in
            switch (code, valueLength) {
            case (9, 1...):
                interface.resolution = PcapngTimestampResolution(optionByte: block.loadByte(at: valueOffset))
            case (14, 8...):
                interface.offsetSeconds = block.loadInt64(at: valueOffset, swapped: swapped)
            default:
                break
            }
        }
        interfaces.append(interface)
        statistics.noteLinkType(linkType)
    }

    /// An enhanced packet block, or the obsolete packet block it replaced: the same layout, except
    /// that the obsolete block's interface id is 16 bits (followed by a drop count).
    private mutating func timestampedPacket(
        _ block: UnsafeRawPointer, length: Int, offset: Int64, type: UInt32
    ) throws(CaptureError) -> CapturedPacket {
        try requireLength(length, atLeast: 32, type: type, offset: offset)
        let interfaceID = type == Self.obsoletePacketType
            ? UInt32(block.loadUInt16(at: 8, swapped: swapped)) : block.loadUInt32(at: 8, swapped: swapped)
        let units = UInt64(block.loadUInt32(at: 12, swapped: swapped)) << 32
            | UInt64(block.loadUInt32(at: 16, swapped: swapped))
        let captured = block.loadUInt32(at: 20, swapped: swapped)
        let original = block.loadUInt32(at: 24, swapped: swapped)
        return try packet(
            block, dataOffset: 28, captured: captured, original: original, interfaceID: interfaceID, units: units,
            blockLength: length, blockType: type, offset: offset)
    }

    /// A simple packet block has no timestamp and no captured length: it belongs to interface 0 and holds
    /// as much of the packet as that interface's snapshot length (and the block) allowed.
    private mutating func simplePacket(
        _ block: UnsafeRawPointer, length: Int, offset: Int64
    ) throws(CaptureError) -> CapturedPacket {
        try requireLength(length, atLeast: 16, type: Self.simplePacketType, offset: offset)
        guard let interface = interfaces.first else {
            throw .undefinedInterface(file: fileName, offset: offset, interfaceID: 0, definedInterfaces: 0)
        }
        let original = block.loadUInt32(at: 8, swapped: swapped)
        var captured = min(original, UInt32(length - 16))
        if interface.snapshotLength > 0 { captured = min(captured, interface.snapshotLength) }
        return try packet(
            block, dataOffset: 12, captured: captured, original: original, interfaceID: 0, units: nil,
            blockLength: length, blockType: Self.simplePacketType, offset: offset)
    }

    private mutating func packet(
        _ block: UnsafeRawPointer, dataOffset: Int, captured: UInt32, original: UInt32, interfaceID: UInt32,
        units: UInt64?, blockLength: Int, blockType: UInt32, offset: Int64
    ) throws(CaptureError) -> CapturedPacket {
        guard Int(interfaceID) < interfaces.count else {
            throw .undefinedInterface(
                file: fileName, offset: offset, interfaceID: interfaceID, definedInterfaces: interfaces.count)
        }
        guard dataOffset + Int(captured) <= blockLength - 4 else {
            throw .malformedBlock(
                file: fileName, offset: offset, blockType: blockType,
                detail: "captured length \(captured) does not fit in a block of \(blockLength) bytes")
        }
        let interface = interfaces[Int(interfaceID)]
        statistics.packets += 1
        if original > captured { statistics.packetsCutBySnapshotLength += 1 }
        return CapturedPacket(
            frameNumber: statistics.packets,
            timestampNanoseconds: units.map {
                min(max(interface.nanoseconds(fromUnits: $0), 0), CapturedPacket.maximumTimestampNanoseconds)
            } ?? 0,
            interfaceIndex: Int(interfaceID),
            linkType: interface.linkType,
            originalLength: Int(max(original, captured)),
            bytes: UnsafeRawBufferPointer(start: block + dataOffset, count: Int(captured)),
            fileOffset: offset
        )
    }

    // MARK: - Helpers

    private func validate(blockLength length: UInt32, at offset: Int64) throws(CaptureError) {
        if length == 0 {
            throw .invalidBlockLength(file: fileName, offset: offset + 4, length: length, problem: .zero)
        }
        if length < 12 {
            throw .invalidBlockLength(file: fileName, offset: offset + 4, length: length, problem: .belowMinimum)
        }
        if length % 4 != 0 {
            throw .invalidBlockLength(file: fileName, offset: offset + 4, length: length, problem: .notMultipleOfFour)
        }
        if length > maximumCaptureRecordLength {
            throw .absurdLength(
                file: fileName, offset: offset + 4, length: UInt64(length), limit: maximumCaptureRecordLength)
        }
    }

    private func requireLength(
        _ length: Int, atLeast minimum: Int, type: UInt32, offset: Int64
    ) throws(CaptureError) {
        guard length >= minimum else {
            throw .malformedBlock(
                file: fileName, offset: offset, blockType: type,
                detail: "block of \(length) bytes is below its \(minimum)-byte minimum")
        }
    }

    /// Walks the options of a block between `start` and `end` (body offsets), stopping at `opt_endofopt` or at
    /// an option whose length runs past the block: options are advisory, so a bad one ends the walk quietly.
    private func forEachOption(
        in block: UnsafeRawPointer, from start: Int, to end: Int,
        _ body: (_ code: UInt16, _ valueOffset: Int, _ valueLength: Int) -> Void
    ) {
        var position = start
        while position + 4 <= end {
            let code = block.loadUInt16(at: position, swapped: swapped)
            let valueLength = Int(block.loadUInt16(at: position + 2, swapped: swapped))
            if code == 0 { return }
            let valueOffset = position + 4
            guard valueOffset + valueLength <= end else { return }
            body(code, valueOffset, valueLength)
            position = valueOffset + (valueLength + 3) & ~3
        }
    }

    private mutating func endOfFile(at offset: Int64) -> CapturedPacket? {
        if stream.available > 0 {
            statistics.truncatedFinalRecordOffset = offset
            stream.consume(stream.available)
        }
        return nil
    }
}
