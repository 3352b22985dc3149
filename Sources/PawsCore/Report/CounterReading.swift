/// A `TcpExt` counter as reports show it: its value since boot and its growth over the sample.
struct CounterReading: Sendable, Hashable {
    var name: String
    var sinceBoot: UInt64?
    var delta: UInt64?

    /// The incident's evidence first (in the order an SRE reads it), then any other counter by name.
    static let preferredOrder = ["PAWSPassive", "ListenDrops", "ListenOverflows", "PAWSActive", "PAWSEstab", "TWRecycled"]

    static func readings(of facts: HostFacts) -> [CounterReading] {
        let names = Set(facts.counters.keys).union(facts.deltas.map { Array($0.keys) } ?? [])
        let ordered = preferredOrder.filter(names.contains) + names.subtracting(preferredOrder).sorted()
        return ordered.map { CounterReading(name: $0, sinceBoot: facts.counters[$0], delta: facts.deltas?[$0]) }
    }
}
