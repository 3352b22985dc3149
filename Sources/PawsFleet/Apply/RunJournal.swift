import Foundation
import PawsCore

/// The journal of one run on disk: `<root>/<run-id>/journal.jsonl`, one JSON record per line.
///
/// `append` returns only after the line and the file are fsynced, so an intent is on disk before
/// its change leaves this machine. Lines are appended with `O_APPEND` under a lock, so records
/// from hosts worked on in parallel never interleave.
public final class RunJournal: @unchecked Sendable {
    public let runID: RunID
    public let path: String
    private let descriptor: Int32
    // Guards `descriptor` writes and `closed`.
    private let lock = NSLock()
    private var closed = false

    private init(runID: RunID, path: String, descriptor: Int32) {
        self.runID = runID
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close()
    }

    /// Creates the run's folder (mode 700: the journal holds file contents) and its journal.
    public static func create(in store: JournalStore, runID: RunID) throws -> RunJournal {
        let directory = store.directory(of: runID)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ApplyError.journalUnwritable(path: directory, reason: "\(error.localizedDescription)")
        }
        let journal = try open(path: store.journalPath(of: runID), runID: runID, create: true)
        fsyncDirectory(directory)
        fsyncDirectory(store.root)
        return journal
    }

    /// Opens an existing run's journal to append to it (a rollback records what it restored).
    public static func reopen(in store: JournalStore, runID: RunID) throws -> RunJournal {
        try open(path: store.journalPath(of: runID), runID: runID, create: false)
    }

    private static func open(path: String, runID: RunID, create: Bool) throws -> RunJournal {
        let flags = O_WRONLY | O_APPEND | O_CLOEXEC | (create ? O_CREAT | O_EXCL : 0)
        let descriptor = Foundation.open(path, flags, 0o600)
        guard descriptor >= 0 else {
            throw ApplyError.journalUnwritable(path: path, reason: String(cString: strerror(errno)))
        }
        return RunJournal(runID: runID, path: path, descriptor: descriptor)
    }

    /// Appends one record and fsyncs it. A failure here must stop the change it announces.
    public func append(_ event: JournalEvent) throws {
        var line = try JournalRecord(event: event).encodedLine()
        line.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw ApplyError.journalUnwritable(path: path, reason: "journal already closed") }
        var written = 0
        while written < line.count {
            let result = line[written...].withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ApplyError.journalUnwritable(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            throw ApplyError.journalUnwritable(path: path, reason: "fsync: " + String(cString: strerror(errno)))
        }
    }

    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        Foundation.close(descriptor)
    }

    private static func fsyncDirectory(_ path: String) {
        let descriptor = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        Foundation.close(descriptor)
    }
}

/// Where journals live: `$XDG_STATE_HOME/pawsguard/runs` (default `~/.local/state/pawsguard/runs`).
public struct JournalStore: Sendable, Hashable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The XDG default for `environment`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/pawsguard/runs"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/pawsguard/runs"
    }

    public func directory(of runID: RunID) -> String { root + "/" + runID.value }
    public func journalPath(of runID: RunID) -> String { directory(of: runID) + "/journal.jsonl" }

    /// Every recorded run, oldest first.
    public func runIDs() -> [RunID] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.compactMap(RunID.init).filter { FileManager.default.fileExists(atPath: journalPath(of: $0)) }.sorted()
    }

    /// The records of a run. A torn last line (the process died while writing it) is ignored:
    /// its change was never sent, since sending waits for the fsync of its intent.
    public func records(of runID: RunID) throws -> [JournalRecord] {
        let path = journalPath(of: runID)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ApplyError.runNotFound(runID: runID.value, directory: root)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ApplyError.journalUnreadable(path: path, reason: "permission denied")
        }
        let lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: true)
        var records: [JournalRecord] = []
        for (index, line) in lines.enumerated() {
            do {
                records.append(try JournalRecord.decode(line: Array(line)))
            } catch {
                if index == lines.count - 1 && data.last != 0x0A { break }
                throw ApplyError.journalUnreadable(path: path, reason: "line \(index + 1): \(error)")
            }
        }
        return records
    }

    public func history(of runID: RunID) throws -> RunHistory {
        RunHistory(runID: runID, records: try records(of: runID))
    }
}
