/// What the packet decoder made of the packets it was given.
public struct PacketDecodeStatistics: Sendable, Hashable, Codable {
    public var packets = 0
    public var tcpSegments = 0
    /// Frames carrying something other than IP (ARP, LLDP, ...).
    public var notIP = 0
    /// IP packets carrying something other than TCP.
    public var notTCP = 0
    /// IP fragments after the first: they hold no TCP header.
    public var laterFragments = 0
    /// Packets the snapshot length cut inside a header pawsguard needs.
    public var truncatedHeaders = 0
    /// Headers that contradict themselves (IHL below 5, TCP data offset below 5, ...).
    public var malformed = 0
    /// TCP segments whose option list is malformed (a length below 2 or past the header); the segment is
    /// still used, without options past the bad one.
    public var malformedTCPOptions = 0
    /// Frames of a link type pawsguard does not decode.
    public var unsupportedLinkType = 0

    public init() {}
}
