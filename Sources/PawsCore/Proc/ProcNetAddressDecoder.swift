/// Turns the hex addresses of `/proc/net/tcp{,6}` into text (see `ProcNetByteOrder`).
enum ProcNetAddressDecoder {
    /// `0100007F` (8 digits) is IPv4, 32 digits are IPv6; anything else is nil.
    static func decode(_ hex: Substring, byteOrder: ProcNetByteOrder) -> (address: String, family: TCPEndpoint.Family)? {
        guard hex.count == 8 || hex.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var wordStart = hex.startIndex
        while wordStart < hex.endIndex {
            let wordEnd = hex.index(wordStart, offsetBy: 8)
            guard let word = UInt32(hex[wordStart..<wordEnd], radix: 16) else { return nil }
            bytes += networkOrderBytes(of: word, byteOrder: byteOrder)
            wordStart = wordEnd
        }
        if bytes.count == 4 { return (bytes.map(String.init).joined(separator: "."), .ipv4) }
        return (formatIPv6(bytes), .ipv6)
    }

    /// The four address bytes a 32-bit word holds, in network order.
    private static func networkOrderBytes(of word: UInt32, byteOrder: ProcNetByteOrder) -> [UInt8] {
        let littleEndianBytes = (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
        return byteOrder == .littleEndian ? littleEndianBytes : littleEndianBytes.reversed()
    }

    /// RFC 5952 text: lowercase, no leading zeros, the longest run of two or more zero groups
    /// (the first on a tie) as `::`, and IPv4-mapped addresses as `::ffff:a.b.c.d`.
    static func formatIPv6(_ bytes: [UInt8]) -> String {
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return "::ffff:" + bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }

        var best: Range<Int>?
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < groups.count && groups[index] == 0 { index += 1 }
            if index - start >= 2 && (best == nil || index - start > (best?.count ?? 0)) {
                best = start..<index
            }
        }

        let text = { (range: Range<Int>) in groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
        guard let best else { return text(0..<groups.count) }
        return text(0..<best.lowerBound) + "::" + text(best.upperBound..<groups.count)
    }
}
