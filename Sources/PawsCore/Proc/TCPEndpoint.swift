/// One end of a socket in `/proc/net/tcp` or `/proc/net/tcp6`.
public struct TCPEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Family: String, Sendable, Hashable, Codable {
        case ipv4
        case ipv6
    }

    /// The address in its usual text form: `127.0.0.1`, `::1`, `::ffff:10.0.0.7`.
    public let address: String
    public let port: UInt16
    public let family: Family

    public init(address: String, port: UInt16, family: Family) {
        self.address = address
        self.port = port
        self.family = family
    }

    /// The address with IPv4-mapped IPv6 addresses (`::ffff:10.0.0.7`, what an IPv4 client of a
    /// dual-stack listener shows up as) written as plain IPv4, so one peer counts once.
    public var peerAddress: String {
        let mappedPrefix = "::ffff:"
        if family == .ipv6, address.hasPrefix(mappedPrefix), address.contains(".") {
            return String(address.dropFirst(mappedPrefix.count))
        }
        return address
    }

    /// True for `0.0.0.0` and `::`, the address of a socket listening on every interface.
    public var isWildcard: Bool {
        address == "0.0.0.0" || address == "::"
    }

    public var description: String {
        family == .ipv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
