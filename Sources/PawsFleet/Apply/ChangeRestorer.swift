import Foundation
import PawsCore

/// Undoes one journaled change on a host, only when the host still shows what the run left:
/// a file is restored when its hash is the one the run wrote (or with `force`), a live value
/// when it is the one the run set. A host that already shows the old state (the intent was
/// journaled but the change never happened) needs nothing.
struct ChangeRestorer {
    enum Result: Sendable, Hashable {
        case restored
        case alreadyOriginal
        case refused(String)
    }

    let connection: HostConnection
    let runID: RunID
    /// Where the current content is copied before it is overwritten; nil for no copy.
    let backupRoot: String?
    let force: Bool

    func restore(_ kind: RunHistory.RecordedChange.Kind, dryRun: Bool = false) throws -> Result {
        switch kind {
        case .file(let intent): return try restoreFile(intent, dryRun: dryRun)
        case .live(let intent): return try restoreLive(intent, dryRun: dryRun)
        }
    }

    /// What restoring `intent` would change, as a diff from the host's current content.
    func preview(_ intent: FileIntent) throws -> String {
        let result = try connection.run(script: "cat \(ShellQuote.quote(intent.realPath))")
        let current = result.exitStatus == 0 ? result.stdout : []
        return UnifiedDiff(oldLabel: "\(intent.realPath) (now)", newLabel: "\(intent.realPath) (before run \(runID))")
            .render(old: current, new: intent.oldContent.bytes)
    }

    private func restoreFile(_ intent: FileIntent, dryRun: Bool) throws -> Result {
        let host = connection.host.name
        let state = try connection.fileStates([intent.realPath]).first ?? .absent
        let expected: String?
        switch state {
        case .notRegular:
            return .refused("\(intent.realPath) is no longer a regular file; restore it by hand from the journal or \(intent.backupPath ?? "the backup")")
        case .absent:
            guard force else {
                return .refused("\(intent.realPath) was removed after the apply; --force recreates it")
            }
            expected = nil
        case .present(let hash, _, _):
            if hash == intent.oldHash { return .alreadyOriginal }
            if hash != intent.newHash && !force {
                return .refused("\(intent.realPath) was changed after the apply (it is neither what the run wrote nor the original); --force overwrites it with the original")
            }
            expected = force ? nil : intent.newHash
        }
        if dryRun { return .restored }
        let script = RemoteFileWriteScript(
            path: intent.realPath, expectedCurrentHash: expected, newHash: intent.oldHash, attributes: intent.attributes,
            backupPath: backupRoot.map { $0 + intent.realPath }, runID: runID)
        let result = try connection.run(script: script.script, stdin: intent.oldContent.bytes)
        guard let status = RemoteScriptStatus.parse(result.stdout), status.isOK, result.exitStatus == 0 else {
            let status = RemoteScriptStatus.parse(result.stdout)
            if status?.word == "changed" {
                return .refused("\(intent.realPath) changed while restoring it; run the rollback again")
            }
            throw ApplyError.remoteScriptFailed(
                host: host, action: "restoring \(intent.realPath)", status: result.exitStatus,
                detail: (status.map { "\($0.word) \($0.detail)" } ?? "") + " " + result.stderrText)
        }
        return .restored
    }

    private func restoreLive(_ intent: LiveIntent, dryRun: Bool) throws -> Result {
        let host = connection.host.name
        let read = try connection.run(script: RemoteLiveWriteScript.readScript(key: intent.key))
        guard let status = RemoteScriptStatus.parse(read.stdout), read.exitStatus == 0 else {
            throw ApplyError.remoteScriptFailed(host: host, action: "reading \(intent.key)", status: read.exitStatus, detail: read.stderrText)
        }
        guard status.word == "value" else {
            return .refused("\(intent.key) does not exist on the host any more")
        }
        if SysctlValue.same(status.detail, intent.oldValue) { return .alreadyOriginal }
        if !SysctlValue.same(status.detail, intent.newValue) && !force {
            return .refused("live \(intent.key) is \(status.detail), neither \(intent.newValue) (set by the run) nor \(intent.oldValue) (before it); --force sets \(intent.oldValue)")
        }
        if dryRun { return .restored }
        let script = RemoteLiveWriteScript.script(key: intent.key, value: intent.oldValue, expected: force ? nil : intent.newValue, runID: runID)
        let result = try connection.run(script: script)
        guard let written = RemoteScriptStatus.parse(result.stdout), written.isOK, result.exitStatus == 0 else {
            let written = RemoteScriptStatus.parse(result.stdout)
            throw ApplyError.remoteScriptFailed(
                host: host, action: "restoring live \(intent.key)", status: result.exitStatus,
                detail: (written.map { "\($0.word) \($0.detail)" } ?? "") + " " + result.stderrText)
        }
        return .restored
    }
}
