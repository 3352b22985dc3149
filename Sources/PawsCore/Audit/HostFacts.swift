/// A host's facts as rules see them: derived from a `HostSnapshot` and the inventory entry.
public struct HostFacts: Sendable, Codable, Hashable {
    public var host: String
    public var kernelRelease: String?
    public var keys: [String: KeyFacts]
    /// `TcpExt` counters since boot (from the last sample).
    public var counters: [String: UInt64]
    /// Counter growth over the sample interval; nil when the audit did not sample.
    public var deltas: [String: UInt64]?
    public var sampleIntervalSeconds: Int?
    public var nat: NatAssessment
    /// Configuration files the probing user could not read.
    public var unreadableFiles: [String]

    public init(
        host: String, kernelRelease: String?, keys: [String: KeyFacts], counters: [String: UInt64] = [:],
        deltas: [String: UInt64]? = nil, sampleIntervalSeconds: Int? = nil,
        nat: NatAssessment = NatAssessment(state: .unknown, evidence: []), unreadableFiles: [String] = []
    ) {
        self.host = host
        self.kernelRelease = kernelRelease
        self.keys = keys
        self.counters = counters
        self.deltas = deltas
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.nat = nat
        self.unreadableFiles = unreadableFiles
    }
}
