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

/// JSON: an object with a `kind` (`declared`, `paws-passive-since-boot`, `paws-signature-now`,
/// `peers-in-nat-sources`), the kind's fields, and `text`, the sentence reports print.
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

    private enum CodingKeys: String, CodingKey {
        case kind, natClients, pawsPassive, listenDrops, listenOverflows, seconds, peers, addresses, networks, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "declared": self = .declared(try container.decode(Bool.self, forKey: .natClients))
        case "paws-passive-since-boot": self = .pawsPassiveSinceBoot(try container.decode(UInt64.self, forKey: .pawsPassive))
        case "paws-signature-now":
            self = .pawsSignatureNow(
                pawsPassive: try container.decode(UInt64.self, forKey: .pawsPassive),
                listenDrops: try container.decode(UInt64.self, forKey: .listenDrops),
                listenOverflows: try container.decode(UInt64.self, forKey: .listenOverflows),
                seconds: try container.decode(Int.self, forKey: .seconds))
        case "peers-in-nat-sources":
            self = .peersInNatSources(
                peers: try container.decode(Int.self, forKey: .peers),
                addresses: try container.decode([String].self, forKey: .addresses),
                networks: try container.decode([String].self, forKey: .networks))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown NAT evidence kind '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .declared(let value):
            try container.encode("declared", forKey: .kind)
            try container.encode(value, forKey: .natClients)
        case .pawsPassiveSinceBoot(let count):
            try container.encode("paws-passive-since-boot", forKey: .kind)
            try container.encode(count, forKey: .pawsPassive)
        case .pawsSignatureNow(let paws, let drops, let overflows, let seconds):
            try container.encode("paws-signature-now", forKey: .kind)
            try container.encode(paws, forKey: .pawsPassive)
            try container.encode(drops, forKey: .listenDrops)
            try container.encode(overflows, forKey: .listenOverflows)
            try container.encode(seconds, forKey: .seconds)
        case .peersInNatSources(let peers, let addresses, let networks):
            try container.encode("peers-in-nat-sources", forKey: .kind)
            try container.encode(peers, forKey: .peers)
            try container.encode(addresses, forKey: .addresses)
            try container.encode(networks, forKey: .networks)
        }
        try container.encode(description, forKey: .text)
    }
}
