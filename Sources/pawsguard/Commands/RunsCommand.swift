import ArgumentParser
import Foundation
import PawsCore
import PawsFleet

/// `pawsguard runs`: the apply runs recorded in the journal folder.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List apply runs from their journals, or show one run's changes.",
        discussion: """
            Journals live in $XDG_STATE_HOME/pawsguard/runs (default
            ~/.local/state/pawsguard/runs), one folder per run. A run whose journal has no
            final record was interrupted (killed, or still running): its changes can still
            be rolled back with `pawsguard rollback RUN-ID`.

            Examples:
              pawsguard runs
              pawsguard runs 20261127T132700Z-3fa9c1
            """)

    @Argument(help: ArgumentHelp("Show this run's hosts and changes.", valueName: "run-id"))
    var runID: String?

    @Option(name: .long, help: ArgumentHelp("Folder of run journals (default $XDG_STATE_HOME/pawsguard/runs).", valueName: "dir"))
    var stateDir: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let store = JournalStore(root: stateDir ?? JournalStore.defaultRoot())
        if let runID {
            guard let id = RunID(runID) else { throw ValidationError("'\(runID)' is not a run id (see `pawsguard runs`)") }
            let history = try store.history(of: id)
            Terminal.out(json ? RunListing.json([RunListing.Run(history: history, withChanges: true)]) : RunListing.detail(history))
            return
        }
        let runs = store.runIDs().compactMap { id in (try? store.history(of: id)).map { RunListing.Run(history: $0, withChanges: false) } }
        if json {
            Terminal.out(RunListing.json(runs))
        } else if runs.isEmpty {
            Terminal.out("no runs recorded in \(store.root)\n")
        } else {
            Terminal.out(RunListing.table(runs))
        }
    }
}

/// The views of `pawsguard runs`.
enum RunListing {
    struct Run: Encodable {
        var runID: String
        var startedAt: String?
        var finishedAt: String?
        var state: String
        var operatorName: String?
        var hosts: [Host]
        var undoableChanges: Int
        var rollbacks: [String]

        struct Host: Encodable {
            var name: String
            var outcome: String?
            var reason: String?
            var changes: [String]?
        }

        init(history: RunHistory, withChanges: Bool) {
            runID = history.runID.value
            startedAt = history.startedAt
            finishedAt = history.finishedAt
            undoableChanges = history.undoableCount
            rollbacks = history.rollbacks
            operatorName = history.start?.operatorName
            if history.isInterrupted {
                state = "interrupted"
            } else if !history.rollbacks.isEmpty {
                state = undoableChanges == 0 ? "rolled-back" : "partly-rolled-back"
            } else {
                state = "finished"
            }
            hosts = history.hosts.map { host in
                Host(
                    name: host.name, outcome: host.outcome?.rawValue, reason: host.reason,
                    changes: withChanges ? host.changes.map(RunListing.describe) : nil)
            }
        }
    }

    static func describe(_ change: RunHistory.RecordedChange) -> String {
        let what: String
        switch change.kind {
        case .file(let intent):
            what = "\(intent.realPath) line(s) \(intent.changedLines.map(String.init).joined(separator: ","))"
                + (intent.backupPath.map { ", backup \($0)" } ?? "")
        case .live(let intent):
            what = "live \(intent.key) \(intent.oldValue) -> \(intent.newValue)"
        }
        let state: String
        switch change.state {
        case .intended: state = "intended (no outcome recorded: may have happened)"
        case .done: state = "done"
        case .failed(let reason, let mayHaveHappened): state = "failed\(mayHaveHappened ? " (may have happened)" : ""): \(reason)"
        case .restored(let by): state = "restored by \(by)"
        }
        return "#\(change.index) \(what): \(state)"
    }

    static func table(_ runs: [Run]) -> String {
        var text = "RUN ID                    STARTED                   STATE               HOSTS  UNDOABLE\n"
        for run in runs {
            let started = run.startedAt.map { String($0.prefix(19)) } ?? "-"
            text += run.runID.padding(toLength: 26, withPad: " ", startingAt: 0)
                + started.padding(toLength: 26, withPad: " ", startingAt: 0)
                + run.state.padding(toLength: 20, withPad: " ", startingAt: 0)
                + String(run.hosts.count).padding(toLength: 7, withPad: " ", startingAt: 0)
                + String(run.undoableChanges) + "\n"
        }
        return text
    }

    static func detail(_ history: RunHistory) -> String {
        let run = Run(history: history, withChanges: true)
        var text = "run \(run.runID): \(run.state)\n"
        text += "started \(run.startedAt ?? "?") by \(run.operatorName ?? "?")" + (run.finishedAt.map { ", finished \($0)" } ?? "") + "\n"
        if let start = history.start {
            text += "desired: \(start.desired.map(\.description).joined(separator: ", ")); backups in \(start.backupDirectory)/\(run.runID)\n"
        }
        for host in history.hosts {
            text += "\n\(host.name): \(host.outcome?.rawValue ?? "no outcome recorded")" + (host.reason.map { " (\($0))" } ?? "") + "\n"
            for change in host.changes { text += "  " + describe(change) + "\n" }
        }
        if history.undoableCount > 0 {
            text += "\n\(history.undoableCount) change(s) may be in place: pawsguard rollback \(run.runID) --dry-run\n"
        }
        return text
    }

    static func json(_ runs: [Run]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(runs)).map { String(decoding: $0, as: UTF8.self) } ?? "[]") + "\n"
    }
}
