/// Whether a host serves clients behind NAT, and on what evidence.
public struct NatAssessment: Sendable, Codable, Hashable {
    public var state: NatState
    public var evidence: [NatEvidence]

    public init(state: NatState, evidence: [NatEvidence]) {
        self.state = state
        self.evidence = evidence
    }

    /// One line for messages: `declared in inventory; 12 established peers in 10.244.0.0/16`.
    public var summary: String {
        evidence.isEmpty ? "no evidence either way" : evidence.map(\.description).joined(separator: "; ")
    }
}

public enum NatEvidence: Sendable, Codable, Hashable, CustomStringConvertible {
    /// `nat_clients=true|false` in the inventory.
    case declared(Bool)
    /// `TcpExt PAWSPassive` > 0 since boot: passive connections were rejected for their timestamp.
    case pawsPassiveSinceBoot(UInt64)
    /// ΔPAWSPassive > 0 and ΔListenDrops > ΔListenOverflows over the sample interval.
    case pawsSignatureNow(pawsPassive: UInt64, listenDrops: UInt64, listenOverflows: UInt64, seconds: Int)
    /// Established inbound connections from addresses inside the inventory's `nat_sources`.
    case peersInNatSources(peers: Int, addresses: [String], networks: [String])

    public var description: String {
        switch self {
        case .declared(true): return "declared in inventory (nat_clients=true)"
        case .declared(false): return "declared not exposed in inventory (nat_clients=false)"
        case .pawsPassiveSinceBoot(let count): return "PAWSPassive=\(count) since boot"
        case .pawsSignatureNow(let paws, let drops, let overflows, let seconds):
            return "over \(seconds)s ΔPAWSPassive=\(paws), ΔListenDrops=\(drops) > ΔListenOverflows=\(overflows)"
        case .peersInNatSources(let peers, let addresses, let networks):
            let shown = addresses.prefix(3).joined(separator: ", ") + (addresses.count > 3 ? ", ..." : "")
            return "\(peers) established peer(s) from nat_sources \(networks.joined(separator: ",")) (\(shown))"
        }
    }

    /// Evidence that the host shows by itself, as opposed to what the inventory declares.
    public var isObserved: Bool {
        if case .declared = self { return false }
        return true
    }
}
