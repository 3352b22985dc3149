/// Counts of connection requests and their answers, kept per server endpoint, per client address and in total.
public struct SynCounters: Sendable, Hashable, Codable {
    /// SYN packets (SYN without ACK), retransmissions included.
    public var synPackets = 0
    /// SYN packets repeating an earlier SYN of the same attempt (same 4-tuple and ISN).
    public var retransmittedSynPackets = 0
    /// Connection attempts: distinct 4-tuple + ISN.
    public var connectionAttempts = 0
    /// SYN-ACK packets the server endpoint sent in answer to a SYN in the capture.
    public var synAckPackets = 0
    /// Attempts that got a SYN-ACK (possibly only after retransmissions).
    public var attemptsAnswered = 0
    /// Attempts answered with a RST (no listener).
    public var attemptsRefused = 0
    /// Attempts that never got any answer.
    public var attemptsNeverAnswered = 0
    /// Attempts still waiting when the capture ended.
    public var attemptsUnresolved = 0
    /// SYN packets followed by a SYN-ACK or RST.
    public var answeredSynPackets = 0
    /// SYN packets followed by no answer (the client retransmitted or gave up).
    public var unansweredSynPackets = 0
    /// SYN packets too close to the end of the capture to tell.
    public var unresolvedSynPackets = 0
    /// SYN packets carrying a TSval.
    public var synPacketsWithTimestamp = 0
    /// SYN packets whose TSval was older than one the same address sent within the PAWS window.
    public var synPacketsBelowRecent = 0
    /// Unanswered SYN packets that carried a TSval.
    public var unansweredWithTimestamp = 0
    /// Unanswered SYN packets whose TSval was older than the remembered one: what tw_recycle drops.
    public var unansweredBelowRecent = 0
    /// Answered SYN packets whose TSval was older than the remembered one: the server did not enforce PAWS.
    public var answeredBelowRecent = 0

    public init() {}

    mutating func add(_ other: SynCounters) {
        synPackets += other.synPackets
        retransmittedSynPackets += other.retransmittedSynPackets
        connectionAttempts += other.connectionAttempts
        synAckPackets += other.synAckPackets
        attemptsAnswered += other.attemptsAnswered
        attemptsRefused += other.attemptsRefused
        attemptsNeverAnswered += other.attemptsNeverAnswered
        attemptsUnresolved += other.attemptsUnresolved
        answeredSynPackets += other.answeredSynPackets
        unansweredSynPackets += other.unansweredSynPackets
        unresolvedSynPackets += other.unresolvedSynPackets
        synPacketsWithTimestamp += other.synPacketsWithTimestamp
        synPacketsBelowRecent += other.synPacketsBelowRecent
        unansweredWithTimestamp += other.unansweredWithTimestamp
        unansweredBelowRecent += other.unansweredBelowRecent
        answeredBelowRecent += other.answeredBelowRecent
    }

    /// Counts one resolved SYN packet.
    mutating func count(_ outcome: SynOutcome, hasTimestamp: Bool, isBelowRecent: Bool) {
        switch outcome {
        case .answered, .refused:
            answeredSynPackets += 1
            if isBelowRecent { answeredBelowRecent += 1 }
        case .unanswered:
            unansweredSynPackets += 1
            if hasTimestamp { unansweredWithTimestamp += 1 }
            if isBelowRecent { unansweredBelowRecent += 1 }
        case .unresolved:
            unresolvedSynPackets += 1
        }
    }
}
