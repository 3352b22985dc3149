/// Knobs of the SYN analysis. The defaults model a Linux server and keep memory bounded on any capture.
public struct SynAnalysisOptions: Sendable, Hashable {
    /// Endpoints that count as the server; empty means every endpoint that received SYNs.
    public var servers: [ServerSelector] = []
    /// How long a peer's last TSval stays binding (TCP_PAWS_MSL: 60 s in Linux).
    public var pawsWindowNanoseconds: Int64 = 60 * 1_000_000_000
    /// How far a SYN's TSval may lag the remembered one before Linux drops it (TCP_PAWS_WINDOW: 1).
    public var pawsToleranceTicks: Int32 = 1
    /// A SYN this close to the end of the capture may still have been answered afterwards: it is counted as
    /// unresolved, not as unanswered.
    public var answerGraceNanoseconds: Int64 = 1_000_000_000
    /// A connection attempt is closed this long after its first SYN (Linux gives up after 127 s with the
    /// default tcp_syn_retries=6).
    public var attemptLifetimeNanoseconds: Int64 = 130 * 1_000_000_000
    /// Connection attempts waiting for an answer that are tracked at once; past this the oldest are closed
    /// early (and counted) so a SYN flood cannot exhaust memory.
    public var maximumPendingAttempts = 1_000_000
    /// Server endpoints tracked individually; SYNs to further endpoints are only counted.
    public var maximumServerEndpoints = 10_000
    /// Client addresses tracked individually (over all endpoints); further clients are pooled per endpoint.
    public var maximumTrackedClients = 200_000
    /// Unanswered SYNs listed in detail; the rest are counted.
    public var maximumUnansweredDetails = 10_000
    /// Timestamp clock rates tried when telling TSval clocks apart (Linux uses 1000 Hz since 4.13, HZ
    /// (1000, 250 or 100) before; Windows 100 Hz).
    public var clockRatesHz: [Int64] = [1000, 250, 100]
    /// SYNs whose TSval offset from capture time differ by less than this (in seconds of the clock) are taken
    /// to come from the same clock; covers network jitter and clock drift between samples.
    public var clockToleranceSeconds: Double = 1.0
    /// Distinct clocks tracked per client address before giving up counting ("at least N").
    public var maximumClocksPerClient = 64

    public init(servers: [ServerSelector] = []) {
        self.servers = servers
    }
}
