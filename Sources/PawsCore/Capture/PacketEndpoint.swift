/// An address and TCP port: one end of a connection.
public struct PacketEndpoint: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var address: PacketAddress
    public var port: UInt16

    public init(address: PacketAddress, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// `192.0.2.1:3306`, or `[2001:db8::1]:3306` for IPv6.
    public var description: String {
        address.isIPv4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }

    public static func < (lhs: PacketEndpoint, rhs: PacketEndpoint) -> Bool {
        (lhs.address, lhs.port) < (rhs.address, rhs.port)
    }
}
