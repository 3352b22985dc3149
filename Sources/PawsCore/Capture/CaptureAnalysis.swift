/// The SYN analysis of one capture (or of several files read as one capture).
public struct CaptureAnalysis: Sendable, Hashable, Codable {
    /// Which end of the connections the capture was taken on.
    public enum Role: String, Sendable, Hashable, Codable {
        /// A capture analysed on its own.
        case capture
        case clientSide = "client-side"
        case serverSide = "server-side"
    }

    public var role: Role
    public var files: [String]
    public var firstPacketNanoseconds: Int64?
    public var lastPacketNanoseconds: Int64?
    public var signature: CaptureSignature
    /// One sentence saying what the capture shows.
    public var finding: String
    public var totals: SynCounters
    /// Server endpoints, the most troubled first.
    public var servers: [ServerEndpointReport]
    /// Every unanswered SYN, in time order, up to `SynAnalysisOptions.maximumUnansweredDetails`.
    public var unansweredSyns: [UnansweredSyn]
    /// Unanswered SYNs beyond the listing limit.
    public var unansweredSynsNotListed: Int
    /// Second copies of a SYN recorded within moments of the first (captures on several interfaces); ignored.
    public var duplicateSynPackets: Int
    public var limits: AnalysisLimits
}

/// What one server endpoint did with the SYNs it received.
public struct ServerEndpointReport: Sendable, Hashable, Codable {
    public var endpoint: PacketEndpoint
    public var behaviour: EndpointBehaviour
    public var counters: SynCounters
    /// Client addresses, the most troubled first.
    public var clients: [ClientReport]
}

/// How an endpoint treated connection requests overall.
public enum EndpointBehaviour: String, Sendable, Hashable, Codable {
    /// Every resolved SYN got a SYN-ACK or RST.
    case answersAll = "answers-all"
    /// Some SYNs were answered and some were not: the case this tool is about.
    case dropsSome = "drops-some"
    /// Not a single SYN was answered: nothing reachable listens there, or a firewall drops them.
    case neverAnswers = "never-answers"
    /// Only RSTs: nothing listens on the port.
    case refusesAll = "refuses-all"
    /// Every SYN was too close to the end of the capture to tell.
    case unresolved
}

/// One client address's SYNs to one server endpoint.
public struct ClientReport: Sendable, Hashable, Codable {
    /// The client address; nil for the pool of clients beyond the tracking limit.
    public var address: PacketAddress?
    public var counters: SynCounters
    /// Whether its SYN TSvals went backwards within the PAWS window.
    public var timestampsGoBackwards: Bool
    /// The TSval clocks behind the address, when its SYNs carried timestamps.
    public var clocks: ClockEstimate?
}

/// One SYN that got no answer, with what an SRE needs to find it in Wireshark and to judge it.
public struct UnansweredSyn: Sendable, Hashable, Codable {
    public var file: String
    /// The frame number Wireshark shows for this packet in `file`.
    public var frame: Int
    /// ISO 8601 UTC time of the packet.
    public var time: String
    public var timestampNanoseconds: Int64
    public var client: PacketEndpoint
    public var server: PacketEndpoint
    /// Initial sequence number.
    public var sequenceNumber: UInt32
    public var timestampValue: UInt32?
    /// The TSval remembered for the client address when this SYN arrived (within the PAWS window).
    public var recentTimestampValue: UInt32?
    /// Whether the SYN's TSval was older than the remembered one.
    public var isBelowRecent: Bool
    /// 1 for the attempt's first SYN, 2 for its first retransmission, ...
    public var transmission: Int
}

/// Where the analysis hit a memory bound and had to count instead of track.
public struct AnalysisLimits: Sendable, Hashable, Codable {
    /// Attempts closed before their lifetime because too many were pending.
    public var attemptsClosedEarly = 0
    /// SYN packets to endpoints beyond `maximumServerEndpoints`.
    public var synPacketsToUntrackedEndpoints = 0
    /// Client addresses pooled because `maximumTrackedClients` was reached.
    public var clientsPooled = 0
    /// SYN packets whose 4-tuple reused an earlier attempt's with a different ISN before it was answered.
    public var attemptsReplaced = 0

    public init() {}
}

/// What a capture shows.
public enum CaptureSignature: String, Sendable, Hashable, Codable {
    /// SYNs dropped because their TSval went backwards for their address: tcp_tw_recycle with NAT.
    case pawsTimestampRejection = "paws-timestamp-rejection"
    /// SYNs dropped without TSval regression: a full listen/accept queue (or another drop before the socket).
    case listenQueueDrops = "listen-queue-drops"
    /// Neither.
    case none

    public var isProblem: Bool { self != .none }
}
