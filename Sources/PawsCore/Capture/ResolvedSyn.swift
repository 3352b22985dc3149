/// One SYN packet whose fate is known: answered, refused, never answered, or still open when the capture
/// ended. The analyzer hands these to a `ResolvedSynSink` (the correlator uses them to match captures).
public struct ResolvedSyn: Sendable, Hashable {
    public var client: PacketEndpoint
    public var server: PacketEndpoint
    /// The initial sequence number (ISN) of the attempt.
    public var sequenceNumber: UInt32
    public var timestampValue: UInt32?
    public var timestampNanoseconds: Int64
    public var frameNumber: Int
    /// Index into the analyzer's file list.
    public var fileIndex: Int
    /// 1 for the first SYN of an attempt, 2 for its first retransmission, ...
    public var transmission: Int
    public var outcome: SynOutcome
    /// The remembered TSval the PAWS model compared this SYN with, if one was binding.
    public var recentTimestampValue: UInt32?
    /// Whether the SYN's TSval was older than the remembered one (Linux with tw_recycle drops such a SYN).
    public var isBelowRecent: Bool
}

/// What became of one SYN packet.
public enum SynOutcome: String, Sendable, Hashable, Codable {
    /// A SYN-ACK followed.
    case answered
    /// A RST followed (nothing listens on the port).
    case refused
    /// No answer: the client retransmitted or gave up.
    case unanswered
    /// The capture ended before an answer was due.
    case unresolved
}

/// Receives SYN packets as their fate becomes known.
public protocol ResolvedSynSink {
    mutating func receive(_ syn: ResolvedSyn)
}

/// A sink for when only the analysis itself is wanted.
public struct DiscardingSynSink: ResolvedSynSink, Sendable {
    public init() {}

    @inline(__always)
    public mutating func receive(_ syn: ResolvedSyn) {}
}
