import Foundation
import PawsCore

/// `pawsguard rollback RUN-ID`: undoes a run's changes from its journal, newest first on each
/// host, whether the run finished, failed or was killed mid-way. Each change is checked on the
/// host first (see `ChangeRestorer`): a file changed after the apply is refused unless `force`.
public struct FleetRollback: Sendable {
    public var runID: RunID
    public var history: RunHistory
    public var connector: any TransportConnector
    public var force: Bool
    public var dryRun: Bool
    public var backupDirectory: String
    public var concurrency: Int

    public init(
        history: RunHistory, connector: any TransportConnector, force: Bool, dryRun: Bool,
        backupDirectory: String = ApplySettings.defaultBackupDirectory, concurrency: Int = 16
    ) {
        self.runID = history.runID
        self.history = history
        self.connector = connector
        self.force = force
        self.dryRun = dryRun
        self.backupDirectory = backupDirectory
        self.concurrency = concurrency
    }

    /// What became of one change.
    public struct ChangeResult: Sendable, Hashable {
        public enum Outcome: String, Sendable, Hashable, Codable {
            case restored
            /// Dry run: would be restored.
            case wouldRestore = "would-restore"
            /// The host already shows the state before the run (the change never happened, or was undone).
            case alreadyOriginal = "already-original"
            case refused
            case failed
        }

        public var description: String
        public var outcome: Outcome
        public var detail: String?
        /// Dry run: the diff from the host's current file to the original.
        public var diff: String?
    }

    public struct HostResult: Sendable, Hashable {
        public var host: String
        public var changes: [ChangeResult]
        /// Set when the host could not be reached or locked.
        public var failure: String?

        public var isClean: Bool {
            failure == nil && !changes.contains { $0.outcome == .refused || $0.outcome == .failed }
        }
    }

    /// `hosts` (with current inventory values, when given) override the journal's by name.
    public func run(journal: RunJournal?, hosts override: [InventoryHost] = []) async -> [HostResult] {
        let targets = history.hostsNeedingRollback
        let inventoryHosts = targets.map { target -> InventoryHost in
            override.first { $0.name == target.name } ?? target.inventoryHost
                ?? InventoryHost(name: target.name, address: target.name, location: SourceLocation(path: "journal", line: 0))
        }
        let by = "rollback-" + JournalRecord.now()
        if !dryRun {
            try? journal?.append(.rollbackStarted(by: by, hosts: targets.map(\.name), force: force))
        }
        let me = self
        let results = await FleetRunner(concurrency: concurrency).run(hosts: inventoryHosts) { host in
            guard let target = targets.first(where: { $0.name == host.name }) else {
                return HostResult(host: host.name, changes: [], failure: "internal: host not in the journal")
            }
            return me.rollBack(target, host: host, journal: journal, by: by)
        }
        if !dryRun {
            let all = results.flatMap(\.changes)
            try? journal?.append(.rollbackFinished(
                by: by, restored: all.filter { $0.outcome == .restored }.count, refused: all.filter { $0.outcome == .refused }.count,
                failed: all.filter { $0.outcome == .failed }.count + results.filter { $0.failure != nil }.count))
        }
        return results
    }

    private func rollBack(_ target: RunHistory.HostHistory, host: InventoryHost, journal: RunJournal?, by: String) -> HostResult {
        let connection: HostConnection
        do {
            connection = try HostConnection(host: host, connector: connector)
        } catch {
            return HostResult(host: host.name, changes: [], failure: HostPreparation.reason(error))
        }
        defer { connection.close() }
        // The run's own lock (left by a killed run) is taken over; another run's is respected.
        let lockOwner = RunID(runID.value + "-rollback") ?? runID
        if !dryRun {
            let details = "rollback of \(runID), pid \(ProcessInfo.processInfo.processIdentifier) on \(ProcessInfo.processInfo.hostName)"
            do {
                let result = try connection.run(script: RemoteLockScript.acquire(owner: lockOwner, takeOverFrom: [runID], details: details))
                let status = RemoteScriptStatus.parse(result.stdout)
                if status?.word == "locked" {
                    let holder = String(status?.detail.prefix { $0 != " " } ?? "")
                    return HostResult(host: host.name, changes: [], failure: ApplyError.lockHeld(host: host.name, holder: holder, details: "").description)
                }
                guard status?.isOK == true else {
                    return HostResult(host: host.name, changes: [], failure: "cannot take the lock: " + result.stdoutText + result.stderrText)
                }
            } catch {
                return HostResult(host: host.name, changes: [], failure: HostPreparation.reason(error))
            }
        }
        defer {
            if !dryRun { _ = try? connection.run(script: RemoteLockScript.release(owner: lockOwner)) }
        }
        let stamp = by.filter { $0.isNumber }
        let restorer = ChangeRestorer(
            connection: connection, runID: runID, backupRoot: backupDirectory + "/" + runID.value + "/rollback-" + stamp, force: force)
        var changes: [ChangeResult] = []
        for change in target.undoable {
            let description: String
            var diff: String?
            switch change.kind {
            case .file(let intent):
                description = intent.realPath + (intent.linkedFrom.isEmpty ? "" : " (via \(intent.linkedFrom.joined(separator: ", ")))")
                if dryRun { diff = try? restorer.preview(intent) }
            case .live(let intent):
                description = "live \(intent.key) \(intent.newValue) -> \(intent.oldValue)"
            }
            do {
                switch try restorer.restore(change.kind, dryRun: dryRun) {
                case .restored:
                    changes.append(ChangeResult(description: description, outcome: dryRun ? .wouldRestore : .restored, diff: diff))
                    if !dryRun { try? journal?.append(.changeRestored(host: host.name, change: change.index, by: by)) }
                case .alreadyOriginal:
                    changes.append(ChangeResult(description: description, outcome: .alreadyOriginal))
                    if !dryRun { try? journal?.append(.changeRestored(host: host.name, change: change.index, by: by)) }
                case .refused(let reason):
                    changes.append(ChangeResult(description: description, outcome: .refused, detail: reason))
                }
            } catch {
                changes.append(ChangeResult(description: description, outcome: .failed, detail: HostPreparation.reason(error)))
            }
        }
        let result = HostResult(host: host.name, changes: changes, failure: nil)
        if !dryRun && result.isClean {
            try? journal?.append(.hostFinished(host: host.name, outcome: .rolledBack, reason: "undone by \(by)"))
        }
        return result
    }
}
