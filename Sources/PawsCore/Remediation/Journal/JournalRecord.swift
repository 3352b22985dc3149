import Foundation

/// One line of a run's journal (`$XDG_STATE_HOME/pawsguard/runs/<run-id>/journal.jsonl`).
///
/// An intent is written and fsynced **before** its change is sent to the host, and the outcome
/// after; so whatever happens to pawsguard or the connection, the journal names every change
/// that may have happened, with the bytes and values needed to undo it.
public struct JournalRecord: Sendable, Hashable, Codable {
    /// ISO 8601, UTC.
    public var time: String
    public var event: JournalEvent

    public init(time: String = JournalRecord.now(), event: JournalEvent) {
        self.time = time
        self.event = event
    }

    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    /// One compact JSON line (no newline).
    public func encodedLine() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self))
    }

    public static func decode(line: [UInt8]) throws -> JournalRecord {
        try JSONDecoder().decode(JournalRecord.self, from: Data(line))
    }
}

public enum JournalEvent: Sendable, Hashable, Codable {
    case runStarted(RunStart)
    /// The host will be changed; `host` has what is needed to reach it again for a rollback.
    case hostStarted(host: InventoryHost, changes: Int)
    case fileIntent(host: String, change: Int, intent: FileIntent)
    case liveIntent(host: String, change: Int, intent: LiveIntent)
    case changeDone(host: String, change: Int)
    /// The change was refused or failed on the host; `applied` says whether it may have happened.
    case changeFailed(host: String, change: Int, reason: String, mayHaveHappened: Bool)
    /// Undone (by an automatic rollback or by `pawsguard rollback`, named in `by`).
    case changeRestored(host: String, change: Int, by: String)
    case hostFinished(host: String, outcome: ApplyOutcome, reason: String?)
    case rollbackStarted(by: String, hosts: [String], force: Bool)
    case rollbackFinished(by: String, restored: Int, refused: Int, failed: Int)
    case runFinished(outcomes: [String: Int])
}

/// What started a run: enough to list it and to explain it later.
public struct RunStart: Sendable, Hashable, Codable {
    public var runID: RunID
    public var toolVersion: String
    /// Who ran it: local user and machine.
    public var operatorName: String
    public var commandLine: [String]
    public var desired: [DesiredSetting]
    public var hosts: [String]
    public var backupDirectory: String

    public init(runID: RunID, toolVersion: String, operatorName: String, commandLine: [String], desired: [DesiredSetting], hosts: [String], backupDirectory: String) {
        self.runID = runID
        self.toolVersion = toolVersion
        self.operatorName = operatorName
        self.commandLine = commandLine
        self.desired = desired
        self.hosts = hosts
        self.backupDirectory = backupDirectory
    }
}

/// A file about to be replaced: its old bytes, hashes and attributes, and the host-side backup.
public struct FileIntent: Sendable, Hashable, Codable {
    public var realPath: String
    public var linkedFrom: [String]
    public var oldContent: Base64Bytes
    public var oldHash: String
    public var newHash: String
    public var attributes: FileAttributes?
    public var backupPath: String?
    public var changedLines: [Int]

    public init(change: FileChange, backupPath: String?) {
        realPath = change.realPath
        linkedFrom = change.linkedFrom
        oldContent = Base64Bytes(change.oldBytes)
        oldHash = change.oldHash
        newHash = change.newHash
        attributes = change.attributes
        self.backupPath = backupPath
        changedLines = change.edits.map(\.line)
    }
}

/// A live value about to be written.
public struct LiveIntent: Sendable, Hashable, Codable {
    public var key: SysctlKey
    public var oldValue: String
    public var newValue: String

    public init(key: SysctlKey, oldValue: String, newValue: String) {
        self.key = key
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
