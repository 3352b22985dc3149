/// Everything `pawsguard pcap` says about one or two captures: the signature, one summary sentence for a
/// ticket, and the evidence behind them.
public struct CaptureVerdict: Sendable, Hashable, Codable {
    public var signature: CaptureSignature
    /// The verdict in one or two sentences (the second when two captures were correlated).
    public var summary: String
    public var inputs: [CaptureInputReport]
    /// One analysis per capture: the capture itself, or server side then client side.
    public var analyses: [CaptureAnalysis]
    public var correlation: CaptureCorrelation?
}
