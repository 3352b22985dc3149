/// One counter: a section and a column name, e.g. `TcpExt:PAWSPassive`.
public struct NetstatCounterID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let section: NetstatSection
    public let name: String

    public init(_ section: NetstatSection, _ name: String) {
        self.section = section
        self.name = name
    }

    public static func < (lhs: NetstatCounterID, rhs: NetstatCounterID) -> Bool {
        (lhs.section.rawValue, lhs.name) < (rhs.section.rawValue, rhs.name)
    }

    public var description: String { "\(section):\(name)" }

    /// "passive connections rejected because of time stamp": SYNs dropped by tw_recycle's
    /// per-peer timestamp check. Gone in 4.12.
    public static let pawsPassive = NetstatCounterID(.tcpExt, "PAWSPassive")
    public static let pawsActive = NetstatCounterID(.tcpExt, "PAWSActive")
    public static let pawsEstab = NetstatCounterID(.tcpExt, "PAWSEstab")
    /// "SYNs to LISTEN sockets dropped".
    public static let listenDrops = NetstatCounterID(.tcpExt, "ListenDrops")
    /// "times the listen queue of a socket overflowed".
    public static let listenOverflows = NetstatCounterID(.tcpExt, "ListenOverflows")
    public static let twRecycled = NetstatCounterID(.tcpExt, "TWRecycled")
}
