/// Appends integers in a chosen byte order: the test writers use it to produce both little- and
/// big-endian captures.
struct ByteWriter {
    enum Order {
        case little
        case big
    }

    var order: Order
    private(set) var bytes: [UInt8] = []

    init(order: Order = .big) {
        self.order = order
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        append(UInt64(value), width: 2)
    }

    mutating func u32(_ value: UInt32) {
        append(UInt64(value), width: 4)
    }

    mutating func u64(_ value: UInt64) {
        append(value, width: 8)
    }

    mutating func raw(_ data: [UInt8]) { bytes += data }

    /// Pads with zeros to a multiple of `alignment`.
    mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    private mutating func append(_ value: UInt64, width: Int) {
        for index in 0..<width {
            let shift = order == .little ? index * 8 : (width - 1 - index) * 8
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
