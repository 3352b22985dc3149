import Foundation
import PawsCore

/// Applies one host's plan: lock, then for each change an fsynced intent in the journal, the
/// change, and its outcome; then verification; on any failure the host's changes are undone.
struct HostApplier {
    let settings: ApplySettings
    let journal: RunJournal
    let connector: any TransportConnector
    let request: ProbeRequest

    static let autoRollback = "auto-rollback"

    func apply(_ prepared: PreparedHost) -> HostApplyResult {
        let started = ContinuousClock.now
        let host = prepared.host
        guard let plan = prepared.plan else { return prepared.result(dryRun: false) }
        func result(_ outcome: ApplyOutcome, _ reason: String?, applied: Bool = false, verified: Bool = false, rolledBack: Bool = false) -> HostApplyResult {
            HostApplyResult(
                host: host.name, address: host.address, outcome: outcome, reason: reason, kernelRelease: plan.kernelRelease,
                plan: plan, applied: applied, verified: verified, rolledBack: rolledBack,
                durationSeconds: prepared.durationSeconds + started.duration(to: .now).seconds)
        }

        ApplyTestPauses.sleep(settings.pauses.beforeWrite)
        let connection: HostConnection
        do {
            connection = try HostConnection(host: host, connector: connector)
        } catch {
            return finish(host.name, result(.failed, "nothing changed: " + HostPreparation.reason(error)))
        }
        defer { connection.close() }

        if let port = settings.checkPort, !PortProbe.accepts(address: host.address, port: port) {
            return finish(host.name, result(.skipped, ApplyError.portClosedBefore(host: host.name, address: host.address, port: port).description))
        }
        // Journaled before the lock is taken, so that the rollback of a run killed right after
        // taking it visits the host and releases the lock.
        do {
            try journal.append(.hostStarted(host: host, changes: plan.fileChanges.count + plan.liveWrites.count))
        } catch {
            return result(.failed, "nothing changed: \(error)")
        }
        do {
            try acquireLock(connection)
        } catch let error as ApplyError {
            if case .lockHeld = error { return finish(host.name, result(.skipped, error.description)) }
            return finish(host.name, result(.failed, "nothing changed: \(error)"))
        } catch {
            return finish(host.name, result(.failed, "nothing changed: " + HostPreparation.reason(error)))
        }
        defer { releaseLock(connection) }

        var done: [RunHistory.RecordedChange.Kind] = []
        var inFlight: RunHistory.RecordedChange.Kind?
        do {
            var index = 0
            for change in plan.fileChanges {
                let intent = FileIntent(change: change, backupPath: settings.backupPath(for: change.realPath))
                if let reason = settings.stop.requested { throw ApplyError.stopped(host: host.name, reason: reason) }
                try journal.append(.fileIntent(host: host.name, change: index, intent: intent))
                ApplyTestPauses.sleep(settings.pauses.afterIntent)
                inFlight = .file(intent)
                try perform(index, connection: connection) { try writeFile(change, intent: intent, connection: connection) }
                inFlight = nil
                done.append(.file(intent))
                index += 1
            }
            for write in plan.liveWrites {
                let intent = LiveIntent(key: write.key, oldValue: write.from, newValue: write.to)
                if let reason = settings.stop.requested { throw ApplyError.stopped(host: host.name, reason: reason) }
                try journal.append(.liveIntent(host: host.name, change: index, intent: intent))
                ApplyTestPauses.sleep(settings.pauses.afterIntent)
                inFlight = .live(intent)
                try perform(index, connection: connection) { try writeLive(write, connection: connection) }
                inFlight = nil
                done.append(.live(intent))
                index += 1
            }
        } catch {
            let reason = HostPreparation.reason(error)
            let skipped: Bool
            switch error as? ApplyError {
            case .fileChangedSinceProbe, .liveValueChanged, .notRegularFile, .stopped: skipped = true
            default: skipped = false
            }
            // A change cut off mid-way may have happened; the restorer checks the host first.
            if let inFlight, Self.mayHaveHappened(error) { done.append(inFlight) }
            return finish(host.name, undo(done, connection: connection, host: host.name, cause: reason, skipped: skipped, result: result))
        }

        ApplyTestPauses.sleep(settings.pauses.beforeVerify)
        let (problems, evidence) = verify(connection, host: host)
        if problems.isEmpty {
            return finish(host.name, result(.verified, evidence, applied: true, verified: true))
        }
        let cause = ApplyError.verificationFailed(host: host.name, problems: problems).description
        return finish(host.name, undo(done, connection: connection, host: host.name, cause: cause, skipped: false, result: result))
    }

    /// Runs one change and journals its outcome; a thrown error is journaled too, then rethrown.
    private func perform(_ index: Int, connection: HostConnection, _ change: () throws -> Void) throws {
        let host = connection.host.name
        do {
            try change()
        } catch {
            try? journal.append(.changeFailed(
                host: host, change: index, reason: HostPreparation.reason(error), mayHaveHappened: Self.mayHaveHappened(error)))
            throw error
        }
        try journal.append(.changeDone(host: host, change: index))
    }

    /// False for refusals the scripts make before touching anything; true for anything else
    /// (a connection cut mid-change, a failed rename...), where only the host can tell.
    static func mayHaveHappened(_ error: any Error) -> Bool {
        switch error as? ApplyError {
        case .fileChangedSinceProbe, .liveValueChanged, .notRegularFile, .sudoRefused, .liveKeyAbsent, .stopped: return false
        default: return true
        }
    }

    private func writeFile(_ change: FileChange, intent: FileIntent, connection: HostConnection) throws {
        let host = connection.host.name
        let script = RemoteFileWriteScript(
            path: change.realPath, expectedCurrentHash: change.oldHash, newHash: change.newHash,
            attributes: change.attributes, backupPath: intent.backupPath, runID: settings.runID)
        let result = try connection.run(script: script.script, stdin: change.newBytes)
        let status = RemoteScriptStatus.parse(result.stdout)
        if let status, status.isOK, result.exitStatus == 0 { return }
        switch status?.word {
        case "changed": throw ApplyError.fileChangedSinceProbe(host: host, path: change.realPath)
        case "not-regular": throw ApplyError.notRegularFile(host: host, path: change.realPath)
        default:
            throw ApplyError.remoteScriptFailed(
                host: host, action: "writing \(change.realPath)", status: result.exitStatus,
                detail: ((status.map { "\($0.word) \($0.detail)" } ?? "") + " " + result.stderrText).trimmingCharacters(in: .whitespaces))
        }
    }

    private func writeLive(_ write: LiveWrite, connection: HostConnection) throws {
        let host = connection.host.name
        let result = try connection.run(script: RemoteLiveWriteScript.script(key: write.key, value: write.to, expected: write.from, runID: settings.runID))
        let status = RemoteScriptStatus.parse(result.stdout)
        if let status, status.isOK, result.exitStatus == 0 { return }
        switch status?.word {
        case "changed": throw ApplyError.liveValueChanged(host: host, key: write.key, expected: write.from, found: status?.detail ?? "")
        case "absent": throw ApplyError.liveKeyAbsent(host: host, key: write.key)
        case "readback": throw ApplyError.liveValueRejected(host: host, key: write.key, wanted: write.to, kept: status?.detail ?? "")
        default:
            throw ApplyError.remoteScriptFailed(
                host: host, action: "writing live \(write.key)", status: result.exitStatus,
                detail: ((status.map { "\($0.word) \($0.detail)" } ?? "") + " " + result.stderrText).trimmingCharacters(in: .whitespaces))
        }
    }

    /// Re-reads the host: a fresh plan must be empty (live values right, both appliers' persisted
    /// values right, no stale line), and `--check-port` must still connect.
    private func verify(_ connection: HostConnection, host: InventoryHost) -> (problems: [String], evidence: String?) {
        var problems: [String] = []
        var evidence: String?
        do {
            let snapshot = try connection.probe(request: request)
            evidence = VerificationSummary.describe(snapshot: snapshot, desired: settings.desired)
            let replan = try settings.planner.plan(host: host.name, snapshot: snapshot)
            for write in replan.liveWrites {
                problems.append("live \(write.key) is \(write.from), not \(write.to)")
            }
            for change in replan.fileChanges {
                for edit in change.edits {
                    problems.append("\(change.realPath):\(edit.line) still \(edit.reason)")
                }
            }
        } catch {
            problems.append("cannot re-read the host: \(HostPreparation.reason(error))")
        }
        if let port = settings.checkPort {
            let accepts = (0..<3).contains { attempt in
                if attempt > 0 { Thread.sleep(forTimeInterval: 1) }
                return PortProbe.accepts(address: host.address, port: port)
            }
            if !accepts { problems.append("\(host.address):\(port) no longer accepts TCP connections") }
            evidence = evidence.map { $0 + "; port \(port) accepts" }
        }
        return (problems, evidence)
    }

    /// Undoes the host's changes, newest first, and says what became of the host.
    private func undo(
        _ done: [RunHistory.RecordedChange.Kind], connection: HostConnection, host: String, cause: String, skipped: Bool,
        result: (ApplyOutcome, String?, Bool, Bool, Bool) -> HostApplyResult
    ) -> HostApplyResult {
        if done.isEmpty { return result(skipped ? .skipped : .failed, cause + "; nothing was changed", false, false, false) }
        let restorer = ChangeRestorer(connection: connection, runID: settings.runID, backupRoot: nil, force: false)
        var leftovers: [String] = []
        for (offset, change) in done.enumerated().reversed() {
            do {
                switch try restorer.restore(change) {
                case .restored, .alreadyOriginal:
                    try? journal.append(.changeRestored(host: host, change: offset, by: Self.autoRollback))
                case .refused(let reason):
                    leftovers.append(reason)
                }
            } catch {
                leftovers.append(HostPreparation.reason(error))
            }
        }
        if leftovers.isEmpty {
            return result(skipped ? .skipped : .rolledBack, cause + "; every change was undone", false, false, !skipped)
        }
        return result(.failed, cause + "; undoing failed: " + leftovers.joined(separator: "; ")
            + "; run `pawsguard rollback \(settings.runID)` once fixed", true, false, false)
    }

    private func finish(_ host: String, _ result: HostApplyResult) -> HostApplyResult {
        try? journal.append(.hostFinished(host: host, outcome: result.outcome, reason: result.reason))
        return result
    }

    private func acquireLock(_ connection: HostConnection) throws {
        let details = "pid \(ProcessInfo.processInfo.processIdentifier) on \(ProcessInfo.processInfo.hostName)"
        let result = try connection.run(script: RemoteLockScript.acquire(owner: settings.runID, details: details))
        let status = RemoteScriptStatus.parse(result.stdout)
        if let status, status.isOK { return }
        if let status, status.word == "locked" {
            let holder = status.detail.prefix { $0 != " " }
            throw ApplyError.lockHeld(host: connection.host.name, holder: String(holder), details: String(status.detail.dropFirst(holder.count + 1)))
        }
        throw ApplyError.remoteScriptFailed(host: connection.host.name, action: "taking \(RemoteLockScript.lockDirectory)", status: result.exitStatus, detail: result.stdoutText + result.stderrText)
    }

    private func releaseLock(_ connection: HostConnection) {
        _ = try? connection.run(script: RemoteLockScript.release(owner: settings.runID))
    }
}
