/// How counters moved between two samples of `/proc/net/netstat`.
///
/// Kernel counters only grow, so a smaller later value means the counter was reset: the host
/// rebooted between samples, the samples come from different network namespaces, or a 32-bit
/// kernel's counter wrapped. No increase can be told for such a counter; it is reported as a
/// reset instead of being guessed.
public struct NetstatDelta: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case increased(by: UInt64)
        case unchanged
        case reset(from: UInt64, to: UInt64)
    }

    /// Counters present in both samples.
    public let changes: [NetstatCounterID: Change]
    /// Counters only in the later sample.
    public let appeared: [NetstatCounterID]
    /// Counters only in the earlier sample.
    public let disappeared: [NetstatCounterID]

    public init(from earlier: NetstatCounters, to later: NetstatCounters) {
        var changes: [NetstatCounterID: Change] = [:]
        var appeared: [NetstatCounterID] = []
        for counter in later.counterIDs {
            guard let new = later[counter] else { continue }
            guard let old = earlier[counter] else {
                appeared.append(counter)
                continue
            }
            if new > old {
                changes[counter] = .increased(by: new - old)
            } else if new == old {
                changes[counter] = .unchanged
            } else {
                changes[counter] = .reset(from: old, to: new)
            }
        }
        self.changes = changes
        self.appeared = appeared
        self.disappeared = earlier.counterIDs.filter { later[$0] == nil }
    }

    public func change(_ counter: NetstatCounterID) -> Change? {
        changes[counter]
    }

    /// The increase of a counter, or nil when it is missing from a sample or was reset.
    public subscript(counter: NetstatCounterID) -> UInt64? {
        switch changes[counter] {
        case .increased(let by)?: return by
        case .unchanged?: return 0
        case .reset?, nil: return nil
        }
    }

    public subscript(section: NetstatSection, name: String) -> UInt64? {
        self[NetstatCounterID(section, name)]
    }

    /// Counters that went down between the samples, sorted.
    public var resets: [NetstatCounterID] {
        changes.compactMap { counter, change in
            if case .reset = change { return counter }
            return nil
        }.sorted()
    }
}

extension NetstatCounters {
    /// The change from an earlier sample to this one.
    public func delta(from earlier: NetstatCounters) -> NetstatDelta {
        NetstatDelta(from: earlier, to: self)
    }
}
