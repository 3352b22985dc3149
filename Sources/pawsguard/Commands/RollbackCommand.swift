import ArgumentParser
import Foundation
import PawsCore
import PawsFleet

/// `pawsguard rollback RUN-ID`: undo an apply run from its journal.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Undo an apply run exactly: files byte for byte (mode, owner, symlinks kept) and live values.",
        discussion: """
            Reads the run's journal (also of a run that was killed or lost its connections
            mid-way) and, on each host, undoes its changes newest first. A file is
            restored only when it still holds what the run wrote (or the original, when
            the change never happened: then nothing is done); a file changed after the
            apply is refused unless --force. Live values likewise. A copy of every file
            overwritten by the rollback is left in --backup-dir/<run-id>/rollback-<time>/.

            Hosts are reached as the journal recorded them; -i INVENTORY overrides them by
            name (e.g. a new address). --dry-run shows the diff from each host's current
            file to its original.

            Exit status: 0 everything restored (or already original), 3 something refused
            or failed, 2 usage.

            Examples:
              pawsguard rollback 20261127T132700Z-3fa9c1 --dry-run
              pawsguard rollback 20261127T132700Z-3fa9c1
            """)

    @Argument(help: ArgumentHelp("The run to undo (see `pawsguard runs`).", valueName: "run-id"))
    var runID: String

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Show what would be restored; change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Also overwrite files and values changed after the apply.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Folder on each host for copies of what the rollback overwrites.", valueName: "dir"))
    var backupDir: String?

    @Option(name: .long, help: ArgumentHelp("Folder of run journals (default $XDG_STATE_HOME/pawsguard/runs).", valueName: "dir"))
    var stateDir: String?

    func run() async throws {
        guard let id = RunID(runID) else { throw ValidationError("'\(runID)' is not a run id (see `pawsguard runs`)") }
        let store = JournalStore(root: stateDir ?? JournalStore.defaultRoot())
        let history = try store.history(of: id)
        let overrides = inventory.inventory == nil ? [] : try inventory.selectedHosts()
        let connector = SSHTransportConnector(settings: try connection.settings())
        let journal = dryRun ? nil : try RunJournal.reopen(in: store, runID: id)
        defer { journal?.close() }
        let rollback = FleetRollback(
            history: history, connector: connector, force: force, dryRun: dryRun,
            backupDirectory: backupDir ?? history.start?.backupDirectory ?? ApplySettings.defaultBackupDirectory,
            concurrency: connection.forks)
        if history.hostsNeedingRollback.isEmpty {
            Terminal.out("run \(id): nothing to undo (no change of it may still be in place)\n")
            return
        }
        let results = await rollback.run(journal: journal, hosts: overrides)
        var text = "rollback of run \(id)" + (dryRun ? " (dry run: nothing was changed)" : "") + "\n"
        for host in results {
            text += "\n\(host.host):" + (host.failure.map { " FAILED: \($0)" } ?? "") + "\n"
            for change in host.changes {
                text += "  \(change.outcome.rawValue): \(change.description)" + (change.detail.map { " (\($0))" } ?? "") + "\n"
                if let diff = change.diff, !diff.isEmpty { text += diff }
            }
        }
        Terminal.out(text)
        if results.contains(where: { !$0.isClean }) { throw ExitCode(ExitStatus.hostsFailed) }
    }
}
