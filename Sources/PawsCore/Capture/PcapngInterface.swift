/// One interface of a pcapng section, as its Interface Description Block defines it. Each interface has
/// its own link type and its own timestamp unit (`if_tsresol`) and offset (`if_tsoffset`).
struct PcapngInterface: Sendable, Hashable {
    var linkType: LinkType
    var snapshotLength: UInt32
    var resolution: PcapngTimestampResolution = .microseconds
    /// Seconds to add to every timestamp of this interface.
    var offsetSeconds: Int64 = 0

    /// Converts a block's 64-bit timestamp into nanoseconds since the epoch, saturating instead of trapping
    /// on absurd values.
    @inline(__always)
    func nanoseconds(fromUnits units: UInt64) -> Int64 {
        let fromUnits = resolution.nanoseconds(fromUnits: units)
        guard offsetSeconds != 0 else { return fromUnits }
        let (offset, overflowOffset) = offsetSeconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, overflowSum) = fromUnits.addingReportingOverflow(offset)
        if overflowOffset || overflowSum { return offsetSeconds < 0 ? 0 : .max }
        return sum
    }
}

/// The unit of pcapng timestamps: 10^-n or 2^-n seconds (the `if_tsresol` option; microseconds by default).
enum PcapngTimestampResolution: Sendable, Hashable {
    case decimal(exponent: Int)
    case binary(exponent: Int)

    static let microseconds = PcapngTimestampResolution.decimal(exponent: 6)

    /// Decodes the one-byte `if_tsresol` value: the high bit picks base 2, the rest is the exponent.
    init(optionByte: UInt8) {
        let exponent = Int(optionByte & 0x7F)
        self = optionByte & 0x80 == 0 ? .decimal(exponent: exponent) : .binary(exponent: exponent)
    }

    @inline(__always)
    func nanoseconds(fromUnits units: UInt64) -> Int64 {
        switch self {
        case .decimal(let exponent):
            if exponent == 9 { return Self.saturated(units) }
            if exponent < 9 {
                let (product, overflow) = units.multipliedReportingOverflow(by: Self.powerOfTen(9 - exponent))
                return overflow ? .max : Self.saturated(product)
            }
            let divisorExponent = exponent - 9
            return divisorExponent > 19 ? 0 : Self.saturated(units / Self.powerOfTen(divisorExponent))
        case .binary(let exponent):
            let (high, low) = units.multipliedFullWidth(by: 1_000_000_000)
            if exponent == 0 { return high == 0 ? Self.saturated(low) : .max }
            if exponent >= 128 { return 0 }
            if exponent >= 64 { return Self.saturated(high >> UInt64(exponent - 64)) }
            if high >> UInt64(exponent) != 0 { return .max }
            return Self.saturated((high << UInt64(64 - exponent)) | (low >> UInt64(exponent)))
        }
    }

    private static let powersOfTen: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { value, _ in value * 10 }
    }

    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> UInt64 { powersOfTen[exponent] }

    @inline(__always)
    private static func saturated(_ value: UInt64) -> Int64 {
        value > UInt64(Int64.max) ? .max : Int64(value)
    }
}
