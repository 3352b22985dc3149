import Foundation

/// An IPv4 or IPv6 address held as its raw bytes (network order).
///
/// Parsing is strict: dotted quads must have four decimal parts without leading zeros (so `010.0.0.1`
/// cannot mean octal to one tool and decimal to another), IPv6 follows RFC 4291 text form
/// (`::` once, an optional dotted-quad tail). Zone suffixes (`%eth0`) are rejected.
public struct IPAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Family: String, Sendable, Hashable, Codable {
        case ipv4
        case ipv6

        public var bitCount: Int { self == .ipv4 ? 32 : 128 }
    }

    public let family: Family
    /// 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// Builds an address from 4 (IPv4) or 16 (IPv6) bytes in network order.
    public init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: family = .ipv4
        case 16: family = .ipv6
        default: return nil
        }
        self.bytes = bytes
    }

    public init?(_ text: String) {
        if let v4 = IPAddress.parseIPv4(Substring(text)) {
            self.init(validatedBytes: v4, family: .ipv4)
        } else if let v6 = IPAddress.parseIPv6(Substring(text)) {
            self.init(validatedBytes: v6, family: .ipv6)
        } else {
            return nil
        }
    }

    private init(validatedBytes: [UInt8], family: Family) {
        self.bytes = validatedBytes
        self.family = family
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`), as Linux shows
    /// IPv4 peers of dual-stack sockets in `/proc/net/tcp6`.
    public var mappedIPv4: IPAddress? {
        guard family == .ipv6,
              bytes[0..<10].allSatisfy({ $0 == 0 }),
              bytes[10] == 0xff, bytes[11] == 0xff
        else { return nil }
        return IPAddress(validatedBytes: Array(bytes[12..<16]), family: .ipv4)
    }

    /// Dotted quad for IPv4; RFC 5952 canonical text for IPv6.
    public var description: String {
        switch family {
        case .ipv4:
            return bytes.map(String.init).joined(separator: ".")
        case .ipv6:
            return IPAddress.canonicalIPv6Text(bytes)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let address = IPAddress(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an IPv4 or IPv6 address")
        }
        self = address
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Parsing

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count),
                  part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || part.first != "0",
                  let value = UInt8(part)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard let head = parseIPv6Groups(Substring(halves[0]), allowIPv4Tail: halves.count == 1) else { return nil }
        if halves.count == 1 {
            return head.count == 16 ? head : nil
        }
        guard let tail = parseIPv6Groups(Substring(halves[1]), allowIPv4Tail: true) else { return nil }
        // `::` stands for at least one zero group.
        guard head.count + tail.count <= 14 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    /// Parses colon-separated hex groups (possibly none) into bytes; the last group may be a dotted quad.
    private static func parseIPv6Groups(_ text: Substring, allowIPv4Tail: Bool) -> [UInt8]? {
        if text.isEmpty { return [] }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, group) in groups.enumerated() {
            if index == groups.count - 1, allowIPv4Tail, group.contains(".") {
                guard let v4 = parseIPv4(group) else { return nil }
                bytes += v4
                continue
            }
            guard (1...4).contains(group.count),
                  group.allSatisfy({ $0.isHexDigit && $0.isASCII }),
                  let value = UInt16(group, radix: 16)
            else { return nil }
            bytes.append(UInt8(value >> 8))
            bytes.append(UInt8(value & 0xff))
        }
        return bytes
    }

    private static func canonicalIPv6Text(_ bytes: [UInt8]) -> String {
        if let v4 = IPAddress(validatedBytes: bytes, family: .ipv6).mappedIPv4 {
            return "::ffff:\(v4)"
        }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        // RFC 5952: compress the longest run (first on a tie) of two or more zero groups.
        var bestStart = -1
        var bestLength = 1
        var runStart = -1
        for index in 0...groups.count {
            if index < groups.count, groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength {
                    bestStart = runStart
                    bestLength = index - runStart
                }
                runStart = -1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
