/// Decides whether a host serves clients behind NAT, from the inventory's declaration and from
/// what the host itself shows. Observed evidence outranks a declaration of "no NAT": the
/// counters do not lie about dropped SYNs.
public struct NatAssessor: Sendable {
    public init() {}

    public func assess(
        host: InventoryHost, counters: [String: UInt64], deltas: [String: UInt64]?, sampleIntervalSeconds: Int?,
        peers: [InboundPeer]
    ) -> NatAssessment {
        var evidence: [NatEvidence] = []
        if let declared = host.natClients { evidence.append(.declared(declared)) }
        if let paws = counters["PAWSPassive"], paws > 0 { evidence.append(.pawsPassiveSinceBoot(paws)) }
        if let deltas, let paws = deltas["PAWSPassive"], paws > 0 {
            let drops = deltas["ListenDrops"] ?? 0
            let overflows = deltas["ListenOverflows"] ?? 0
            if drops > overflows {
                evidence.append(.pawsSignatureNow(
                    pawsPassive: paws, listenDrops: drops, listenOverflows: overflows, seconds: sampleIntervalSeconds ?? 0))
            }
        }
        if !host.natSources.isEmpty {
            let inside = peers.filter { peer in host.natSources.contains { $0.contains(address: peer.address) } }
            if !inside.isEmpty {
                evidence.append(.peersInNatSources(
                    peers: inside.reduce(0) { $0 + $1.connections }, addresses: inside.map(\.address),
                    networks: host.natSources.map(\.description)))
            }
        }
        let state: NatState
        if host.natClients == true || evidence.contains(where: \.isObserved) {
            state = .exposed
        } else if host.natClients == false {
            state = .notExposed
        } else {
            state = .unknown
        }
        return NatAssessment(state: state, evidence: evidence)
    }
}
