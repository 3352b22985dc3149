/// The prefix of a line pair in `/proc/net/netstat` or `/proc/net/snmp` (`TcpExt`, `IpExt`,
/// `MPTcpExt`, `Tcp`, ...). Kernels add sections over time, so any prefix is accepted.
public struct NetstatSection: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public static func < (lhs: NetstatSection, rhs: NetstatSection) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    public static let tcpExt: NetstatSection = "TcpExt"
    public static let ipExt: NetstatSection = "IpExt"
    public static let mptcpExt: NetstatSection = "MPTcpExt"
    public static let tcp: NetstatSection = "Tcp"
    public static let ip: NetstatSection = "Ip"
    public static let udp: NetstatSection = "Udp"
}
