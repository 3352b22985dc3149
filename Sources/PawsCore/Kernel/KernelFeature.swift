/// Kernel behaviours pawsguard's findings depend on, with the upstream version that changed them.
public enum KernelFeature: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `net.ipv4.tcp_tw_recycle` exists. Removed in 4.12 by "tcp: remove tcp_tw_recycle".
    case tcpTwRecycle = "tcp_tw_recycle"
    /// Each connection gets a random TCP timestamp offset (4.10, "tcp: randomize tcp timestamp
    /// offsets for each connection"): clients on such kernels break a tw_recycle server even
    /// without NAT, because their TSvals are unrelated from one connection to the next.
    case randomizedTimestampOffsets = "randomized_timestamp_offsets"
    /// The `TcpExt: PAWSPassive` counter exists; it went away with tw_recycle in 4.12.
    case pawsPassiveCounter = "PAWSPassive"

    /// The first upstream version with (`introduced`) or without (`removed`) the feature.
    public var introduced: KernelVersion? {
        switch self {
        case .randomizedTimestampOffsets: return KernelVersion(4, 10)
        case .tcpTwRecycle, .pawsPassiveCounter: return nil
        }
    }

    public var removed: KernelVersion? {
        switch self {
        case .tcpTwRecycle, .pawsPassiveCounter: return KernelVersion(4, 12)
        case .randomizedTimestampOffsets: return nil
        }
    }

    public func isPresent(in version: KernelVersion) -> Bool {
        if let introduced, version < introduced { return false }
        if let removed, version >= removed { return false }
        return true
    }

    /// Decides from what the probe saw when it could see it (the key in `/proc/sys`, the column
    /// in `/proc/net/netstat`): that covers distribution backports and custom kernels. The
    /// kernel version is the fallback.
    public func evidence(observed: Bool?, version: KernelVersion?) -> KernelFeatureEvidence {
        if let observed { return KernelFeatureEvidence(feature: self, isPresent: observed, basis: .observed) }
        if let version { return KernelFeatureEvidence(feature: self, isPresent: isPresent(in: version), basis: .kernelVersion(version)) }
        return KernelFeatureEvidence(feature: self, isPresent: nil, basis: .unknown)
    }

    public var description: String {
        switch self {
        case .tcpTwRecycle: return "net.ipv4.tcp_tw_recycle"
        case .randomizedTimestampOffsets: return "per-connection random TCP timestamp offsets"
        case .pawsPassiveCounter: return "TcpExt PAWSPassive counter"
        }
    }
}

extension KernelVersion {
    /// Has `net.ipv4.tcp_tw_recycle` (before 4.12). RHEL/CentOS 7 (3.10) and Ubuntu 16.04 (4.4) do.
    public var hasTcpTwRecycle: Bool { KernelFeature.tcpTwRecycle.isPresent(in: self) }
    /// Randomizes TCP timestamp offsets per connection (4.10 and later).
    public var randomizesTimestampOffsets: Bool { KernelFeature.randomizedTimestampOffsets.isPresent(in: self) }
    /// Reports `TcpExt: PAWSPassive` in `/proc/net/netstat` (before 4.12).
    public var hasPAWSPassiveCounter: Bool { KernelFeature.pawsPassiveCounter.isPresent(in: self) }
}
