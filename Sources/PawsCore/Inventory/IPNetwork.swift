import Foundation

/// A CIDR network (`10.244.0.0/16`, `fd00::/8`).
///
/// Host bits given in the text are cleared (`192.168.0.2/20` is the network `192.168.0.0/20`), the way
/// interface addresses are usually written next to their prefix. A bare address is a single-host network
/// (`/32` or `/128`).
public struct IPNetwork: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The network address, host bits cleared.
    public let address: IPAddress
    public let prefixLength: Int

    public var family: IPAddress.Family { address.family }

    public init(address: IPAddress, prefixLength: Int) throws(IPNetworkError) {
        guard (0...address.family.bitCount).contains(prefixLength) else {
            throw .invalidPrefixLength(text: "\(address)/\(prefixLength)", maximum: address.family.bitCount)
        }
        self.address = IPNetwork.masked(address, prefixLength: prefixLength)
        self.prefixLength = prefixLength
    }

    public init(parsing text: String) throws(IPNetworkError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { throw .invalidAddress(text: trimmed) }
        let maximum = address.family.bitCount
        var prefixLength = maximum
        if parts.count == 2 {
            let prefixText = parts[1]
            guard (1...3).contains(prefixText.count),
                  prefixText.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(prefixText), value <= maximum
            else { throw .invalidPrefixLength(text: trimmed, maximum: maximum) }
            prefixLength = value
        }
        try self.init(address: address, prefixLength: prefixLength)
    }

    /// Whether `address` lies in this network. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) counts
    /// as its IPv4 address, as dual-stack sockets report IPv4 peers that way.
    public func contains(_ address: IPAddress) -> Bool {
        var candidate = address
        if family == .ipv4, let mapped = address.mappedIPv4 {
            candidate = mapped
        }
        guard candidate.family == family else { return false }
        return IPNetwork.masked(candidate, prefixLength: prefixLength) == self.address
    }

    /// Whether the address written as `address` lies in this network; text that is not an address
    /// lies in no network.
    public func contains(address text: String) -> Bool {
        guard let address = IPAddress(text.trimmingCharacters(in: .whitespaces)) else { return false }
        return contains(address)
    }

    public var description: String { "\(address)/\(prefixLength)" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try IPNetwork(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func masked(_ address: IPAddress, prefixLength: Int) -> IPAddress {
        var bytes = address.bytes
        for index in bytes.indices {
            let bitsKept = min(max(prefixLength - index * 8, 0), 8)
            let mask: UInt8 = bitsKept == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - bitsKept))
            bytes[index] &= mask
        }
        return IPAddress(bytes: bytes) ?? address
    }
}
