/// Field loads at arbitrary offsets, in the file's byte order or in network order. Capture headers are
/// not aligned (a 14-byte Ethernet header puts every IP field off its natural alignment), so these use
/// `loadUnaligned`, which compiles to a plain load on the machines we run on.
extension UnsafeRawPointer {
    @inline(__always)
    func loadUInt16(at offset: Int, swapped: Bool) -> UInt16 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return swapped ? raw.byteSwapped : raw
    }

    @inline(__always)
    func loadUInt32(at offset: Int, swapped: Bool) -> UInt32 {
        let raw = loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return swapped ? raw.byteSwapped : raw
    }

    @inline(__always)
    func loadInt64(at offset: Int, swapped: Bool) -> Int64 {
        let raw = loadUnaligned(fromByteOffset: offset, as: Int64.self)
        return swapped ? raw.byteSwapped : raw
    }

    @inline(__always)
    func loadBigEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always)
    func loadBigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func loadBigEndianUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    func loadByte(at offset: Int) -> UInt8 {
        load(fromByteOffset: offset, as: UInt8.self)
    }
}
