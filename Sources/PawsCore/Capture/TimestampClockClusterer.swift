/// Tells apart the TSval clocks behind one client address.
///
/// A host's TSval advances at a fixed rate (1000, 250 or 100 Hz), so `TSval - t * rate` stays nearly constant
/// for one host (one random offset on Linux 4.10+) and differs between hosts. Each SYN's offset is computed
/// for every candidate rate; offsets within the tolerance of a cluster join it (and the cluster follows the
/// newest sample, so slow drift stays in one cluster). The rate that explains the SYNs with the fewest
/// clusters is taken as the true one, and its cluster count is the number of clocks.
struct TimestampClockClusterer: Sendable {
    struct Cluster: Sendable {
        var rateIndex: Int
        var offset: UInt32
        var synPackets: Int
        var firstSeen: Int64
        var lastSeen: Int64
        var firstTimestampValue: UInt32
        var lastTimestampValue: UInt32
    }

    private(set) var clusters: [Cluster] = []
    /// Per rate: samples that fitted no cluster once the cluster limit was reached (allocated on first need,
    /// since most clients never get there).
    private var overflow: [Int] = []
    private let rateCount: Int

    init(rateCount: Int) {
        self.rateCount = rateCount
    }

    /// Adds one SYN's TSval seen `elapsed` nanoseconds after the analysis origin.
    mutating func add(
        _ tsval: UInt32, elapsed: Int64, at timestamp: Int64, rates: [Int64], toleranceTicks: [UInt32],
        maximumClusters: Int
    ) {
        let elapsedMilliseconds = elapsed / 1_000_000
        for (rateIndex, rate) in rates.enumerated() {
            let ticks = elapsedMilliseconds &* rate / 1000
            let offset = tsval &- UInt32(truncatingIfNeeded: ticks)
            var nearest = -1
            var nearestDistance = UInt32.max
            for index in clusters.indices where clusters[index].rateIndex == rateIndex {
                let distance = Int32(bitPattern: clusters[index].offset &- offset).magnitude
                if distance < nearestDistance {
                    nearest = index
                    nearestDistance = distance
                }
            }
            if nearest >= 0, nearestDistance <= toleranceTicks[rateIndex] {
                clusters[nearest].offset = offset
                clusters[nearest].synPackets += 1
                clusters[nearest].lastSeen = timestamp
                clusters[nearest].lastTimestampValue = tsval
            } else if clusterCount(rateIndex: rateIndex) < maximumClusters {
                clusters.append(Cluster(
                    rateIndex: rateIndex, offset: offset, synPackets: 1, firstSeen: timestamp, lastSeen: timestamp,
                    firstTimestampValue: tsval, lastTimestampValue: tsval))
            } else {
                if overflow.isEmpty { overflow = Array(repeating: 0, count: rateCount) }
                overflow[rateIndex] += 1
            }
        }
    }

    /// The clock count under the rate that needs the fewest clusters (earlier rates win ties).
    func estimate(rates: [Int64], maximumClusters: Int) -> ClockEstimate? {
        guard !clusters.isEmpty else { return nil }
        var bestRate = 0
        var bestCount = Int.max
        for rateIndex in rates.indices {
            let count = clusterCount(rateIndex: rateIndex)
            if count < bestCount {
                bestRate = rateIndex
                bestCount = count
            }
        }
        let clocks = clusters
            .filter { $0.rateIndex == bestRate }
            .sorted { $0.firstSeen < $1.firstSeen }
            .map { cluster in
                ClockEstimate.Clock(
                    synPackets: cluster.synPackets,
                    firstSeenNanoseconds: cluster.firstSeen,
                    lastSeenNanoseconds: cluster.lastSeen,
                    firstTimestampValue: cluster.firstTimestampValue,
                    lastTimestampValue: cluster.lastTimestampValue)
            }
        return ClockEstimate(
            clocks: bestCount, rateHz: Int(rates[bestRate]),
            isLowerBound: !overflow.isEmpty && overflow[bestRate] > 0, detail: clocks)
    }

    private func clusterCount(rateIndex: Int) -> Int {
        var count = 0
        for cluster in clusters where cluster.rateIndex == rateIndex { count += 1 }
        return count
    }
}

/// How many TSval clocks one client address shows: more than one is a strong sign of several hosts behind
/// one NAT address (or of Linux 4.10-4.12 per-connection random offsets).
public struct ClockEstimate: Sendable, Hashable, Codable {
    public struct Clock: Sendable, Hashable, Codable {
        public var synPackets: Int
        public var firstSeenNanoseconds: Int64
        public var lastSeenNanoseconds: Int64
        public var firstTimestampValue: UInt32
        public var lastTimestampValue: UInt32
    }

    /// Distinct clocks.
    public var clocks: Int
    /// The clock rate that explains the SYNs best.
    public var rateHz: Int
    /// True when the per-client limit was reached: there are at least `clocks` clocks.
    public var isLowerBound: Bool
    /// One entry per clock, in order of first appearance.
    public var detail: [Clock]
}
