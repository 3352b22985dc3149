/// The result of matching a client-side capture against a server-side capture.
public struct CaptureCorrelation: Sendable, Hashable, Codable {
    public struct Counts: Sendable, Hashable, Codable {
        /// Client-side SYN packets to endpoints the server-side capture saw SYNs for.
        public var clientSynPackets = 0
        public var reachedAndAnswered = 0
        /// Reached the server, which never answered them: the incident's symptom.
        public var reachedButUnanswered = 0
        /// Of those, how many carried a TSval older than the one the server side remembered for the address.
        public var reachedButUnansweredBelowRecent = 0
        /// The server answered, the client never saw the answer.
        public var answerLostOnTheWayBack = 0
        /// Sent while the server capture ran, never seen by it: lost (or filtered) on the way.
        public var notSeenByServer = 0
        /// Sent while the server-side capture was not running.
        public var sentOutsideServerCapture = 0
        /// Too close to the end of a capture to tell.
        public var unresolved = 0
        /// Client-side SYNs to endpoints the server-side capture has no SYNs for (other servers).
        public var synPacketsToOtherDestinations = 0
        /// SYNs the server received that are not in the client-side capture: other hosts (behind the same
        /// NAT address, when the source matches).
        public var serverOnlySynPackets = 0

        public init() {}
    }

    /// A source address as the client side saw it and as it reached the server (rewritten by NAT).
    public struct AddressTranslation: Sendable, Hashable, Codable {
        public var clientSide: PacketAddress
        public var serverSide: PacketAddress
        public var synPackets: Int
    }

    /// How many server-side SYNs came from one address without a client-side copy.
    public struct SourceCount: Sendable, Hashable, Codable {
        public var address: PacketAddress
        public var synPackets: Int
    }

    public var clientFiles: [String]
    public var serverFiles: [String]
    /// One sentence: how many client SYNs reached the server and were answered, were not, or never arrived.
    public var finding: String
    public var counts: Counts
    /// Median of (server-side time - client-side time) over matched SYNs: the clock difference of the two
    /// capture hosts plus the one-way delay.
    public var serverClockAheadMilliseconds: Double?
    public var addressTranslations: [AddressTranslation]
    /// The addresses of server-only SYNs, most first (at most 50).
    public var serverOnlySources: [SourceCount]
    public var reachedButUnansweredSyns: [CorrelatedSyn]
    public var notSeenByServerSyns: [CorrelatedSyn]
    /// SYNs beyond the listing limit (counted above, not listed).
    public var synsNotListed: Int
    /// Server-side SYNs beyond the index limit: client SYNs matching them count as not seen.
    public var serverSynsNotIndexed: Int
}

/// One client-side SYN and, when the server side saw it, its copy there.
public struct CorrelatedSyn: Sendable, Hashable, Codable {
    public var clientFile: String
    public var clientFrame: Int
    public var clientTime: String
    public var clientTimestampNanoseconds: Int64
    /// The source as the client side saw it.
    public var client: PacketEndpoint
    public var server: PacketEndpoint
    public var sequenceNumber: UInt32
    public var timestampValue: UInt32?
    public var transmission: Int
    public var serverFile: String?
    public var serverFrame: Int?
    public var serverTime: String?
    public var serverTimestampNanoseconds: Int64?
    /// The source as the server saw it (after NAT).
    public var sourceSeenByServer: PacketEndpoint?
    public var isBelowRecentOnServer: Bool?
}
