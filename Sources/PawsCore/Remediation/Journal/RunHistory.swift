/// A run as its journal tells it: replayed from the records, so it works on the journal of a run
/// that was killed at any point (an intent without an outcome is a change that may have happened).
public struct RunHistory: Sendable, Hashable {
    public var runID: RunID
    public var start: RunStart?
    public var startedAt: String?
    public var finishedAt: String?
    public var hosts: [HostHistory]
    public var rollbacks: [String]

    public struct HostHistory: Sendable, Hashable {
        public var name: String
        public var inventoryHost: InventoryHost?
        public var changes: [RecordedChange]
        public var outcome: ApplyOutcome?
        public var reason: String?

        /// True when a rollback has something to do there: a change that may be in place, or a
        /// host the run never finished with (it may still hold the run's lock).
        public var needsRollback: Bool { !undoable.isEmpty || outcome == nil }

        /// Changes that may be in place on the host now, newest first: the order to undo them.
        public var undoable: [RecordedChange] {
            changes.filter { $0.state.mayBeInPlace }.reversed()
        }
    }

    public struct RecordedChange: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case file(FileIntent)
            case live(LiveIntent)
        }

        public enum State: Sendable, Hashable {
            /// Intent written, no outcome: the orchestrator stopped (or lost the host) right there.
            case intended
            case done
            case failed(reason: String, mayHaveHappened: Bool)
            case restored(by: String)

            public var mayBeInPlace: Bool {
                switch self {
                case .intended, .done: return true
                case .failed(_, let mayHaveHappened): return mayHaveHappened
                case .restored: return false
                }
            }
        }

        public var index: Int
        public var kind: Kind
        public var state: State
    }

    public init(runID: RunID, records: [JournalRecord]) {
        self.runID = runID
        hosts = []
        rollbacks = []
        var hostIndex: [String: Int] = [:]
        func host(_ name: String) -> Int {
            if let index = hostIndex[name] { return index }
            hosts.append(HostHistory(name: name, inventoryHost: nil, changes: [], outcome: nil, reason: nil))
            hostIndex[name] = hosts.count - 1
            return hosts.count - 1
        }
        func update(_ name: String, _ change: Int, _ state: RecordedChange.State) {
            let index = host(name)
            if let position = hosts[index].changes.firstIndex(where: { $0.index == change }) {
                hosts[index].changes[position].state = state
            }
        }
        for record in records {
            switch record.event {
            case .runStarted(let start):
                self.start = start
                startedAt = record.time
            case .hostStarted(let inventoryHost, _):
                hosts[host(inventoryHost.name)].inventoryHost = inventoryHost
            case .fileIntent(let name, let change, let intent):
                hosts[host(name)].changes.append(RecordedChange(index: change, kind: .file(intent), state: .intended))
            case .liveIntent(let name, let change, let intent):
                hosts[host(name)].changes.append(RecordedChange(index: change, kind: .live(intent), state: .intended))
            case .changeDone(let name, let change):
                update(name, change, .done)
            case .changeFailed(let name, let change, let reason, let mayHaveHappened):
                update(name, change, .failed(reason: reason, mayHaveHappened: mayHaveHappened))
            case .changeRestored(let name, let change, let by):
                update(name, change, .restored(by: by))
            case .hostFinished(let name, let outcome, let reason):
                let index = host(name)
                hosts[index].outcome = outcome
                hosts[index].reason = reason
            case .rollbackStarted(let by, _, _):
                if !rollbacks.contains(by) { rollbacks.append(by) }
            case .rollbackFinished:
                break
            case .runFinished:
                finishedAt = record.time
            }
        }
    }

    /// True when the run stopped without writing its last record (killed, or still running).
    public var isInterrupted: Bool { finishedAt == nil }

    /// Changes that may still be in place on some host.
    public var undoableCount: Int { hosts.reduce(0) { $0 + $1.undoable.count } }

    /// Hosts a rollback visits.
    public var hostsNeedingRollback: [HostHistory] { hosts.filter(\.needsRollback) }
}
