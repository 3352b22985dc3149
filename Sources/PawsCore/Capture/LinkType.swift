/// The link-layer header type of a capture (pcap's LINKTYPE_ values), which says what precedes the IP header.
public struct LinkType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// BSD loopback: a 4-byte address family in the capturing host's byte order.
    public static let null = LinkType(rawValue: 0)
    public static let ethernet = LinkType(rawValue: 1)
    /// DLT_RAW as numbered on most BSDs (and written so into some files).
    public static let rawBSD = LinkType(rawValue: 12)
    /// DLT_RAW as numbered on OpenBSD.
    public static let rawOpenBSD = LinkType(rawValue: 14)
    /// The portable raw-IP number.
    public static let raw = LinkType(rawValue: 101)
    /// OpenBSD loopback: like `null` but the family is in network byte order.
    public static let loop = LinkType(rawValue: 108)
    /// Linux cooked capture v1 (`tcpdump -i any` before libpcap 1.10).
    public static let linuxCooked = LinkType(rawValue: 113)
    public static let ipv4 = LinkType(rawValue: 228)
    public static let ipv6 = LinkType(rawValue: 229)
    /// Linux cooked capture v2 (`tcpdump -i any` from libpcap 1.10 on).
    public static let linuxCookedV2 = LinkType(rawValue: 276)

    public var description: String {
        switch self {
        case .null: return "NULL (BSD loopback)"
        case .ethernet: return "Ethernet"
        case .rawBSD, .rawOpenBSD, .raw: return "raw IP"
        case .loop: return "LOOP (OpenBSD loopback)"
        case .linuxCooked: return "Linux cooked v1"
        case .linuxCookedV2: return "Linux cooked v2"
        case .ipv4: return "raw IPv4"
        case .ipv6: return "raw IPv6"
        default: return "link type \(rawValue)"
        }
    }

    /// Whether pawsguard can find the IP header behind this link type.
    public var isSupported: Bool {
        switch self {
        case .null, .ethernet, .rawBSD, .rawOpenBSD, .raw, .loop, .linuxCooked, .ipv4, .ipv6, .linuxCookedV2:
            return true
        default:
            return false
        }
    }
}
