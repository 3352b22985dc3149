import ArgumentParser
import Foundation
import PawsCore
import PawsFleet

/// `pawsguard apply`: fix what the audit finds, live and persisted, guarded and undoable.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Fix tcp_tw_recycle live and in every sysctl file, with diffs, canary rollout and exact rollback.",
        discussion: """
            Every host is probed in this run and planned from what the probe saw: a live
            write where the kernel has the key and its value is wrong, and in-place edits
            of every configuration line that sets another value, commented out with the
            marker "# pawsguard <run-id>: " (symlinks are followed to the real file),
            checked to leave the right value under both procps `sysctl --system` and
            systemd-sysctl. On 4.12+ kernels, where tcp_tw_recycle no longer exists,
            stale lines are commented out and nothing is written live. A host that is
            already right gets an empty plan.

            --dry-run prints each host's unified diffs and live writes and changes
            nothing. Otherwise the plan summary is shown and confirmed on a terminal;
            without a terminal, --yes is required.

            Each change is recorded (old bytes, hashes, mode, owner, old live value) in
            the run's journal in $XDG_STATE_HOME/pawsguard/runs/<run-id>/ and fsynced
            before it is sent; a copy of each file is left on the host in --backup-dir.
            Files are written through a temporary file, fsynced and renamed, with mode and
            owner kept; content goes on stdin; non-root users go through `sudo -n`. A
            per-host lock (/run/pawsguard.lock) refuses a second concurrent run, and a
            file changed since the probe is left alone. After each host, its live and both
            persisted values are re-derived from a fresh probe (and --check-port must
            still connect); a host that fails is rolled back at once.

            Exit status: 0 every host verified or already right, 3 some host failed, was
            rolled back, skipped or not touched, 2 usage or input error (or no terminal
            and no --yes).

            Examples:
              pawsguard apply -i inventory.ini --dry-run
              pawsguard apply -i inventory.ini --canary 1 --batch-size 10 --check-port 3306
              pawsguard runs
              pawsguard rollback 20261127T132700Z-3fa9c1 --dry-run
            """)

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var playbooks: PlaybookOptions
    @OptionGroup var output: ReportOutputOptions

    @Flag(name: .long, help: "Show the diffs and live writes; change nothing.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "Apply without asking (required when there is no terminal).")
    var yes = false

    @Option(name: .long, help: ArgumentHelp("Hosts changed (and verified) first, before any batch.", valueName: "n"))
    var canary = 1

    @Option(name: .long, help: ArgumentHelp("Hosts changed at once after the canary.", valueName: "n"))
    var batchSize = 5

    @Option(name: .long, help: ArgumentHelp("Stop the rollout when more hosts than this failed.", valueName: "n"))
    var maxFailures = 0

    @Option(name: .long, help: ArgumentHelp("TCP port that must accept connections before and after the change (e.g. 3306).", valueName: "port"))
    var checkPort: Int?

    @Option(name: .long, help: ArgumentHelp("Folder on each host for backup copies of changed files.", valueName: "dir"))
    var backupDir = ApplySettings.defaultBackupDirectory

    @Option(name: .long, help: ArgumentHelp("Folder of run journals (default $XDG_STATE_HOME/pawsguard/runs).", valueName: "dir"))
    var stateDir: String?

    @Flag(name: .long, help: "Also print the diffs in the final report (a dry run always does).")
    var showDiff = false

    @Flag(name: .long, help: "No progress bar on stderr.")
    var noProgress = false

    func validate() throws {
        guard canary >= 1 else { throw ValidationError("--canary must be at least 1") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        guard maxFailures >= 0 else { throw ValidationError("--max-failures must be 0 or more") }
        if let checkPort, !(1...65535).contains(checkPort) { throw ValidationError("--check-port must be 1-65535") }
        guard backupDir.hasPrefix("/"), !backupDir.contains("\n") else { throw ValidationError("--backup-dir must be an absolute path") }
        if let stateDir, !stateDir.hasPrefix("/") { throw ValidationError("--state-dir must be an absolute path") }
    }

    func run() async throws {
        let destinations = try output.destinations()
        let playbooks = try playbooks.playbooks()
        let desired = try DesiredSetting.from(playbooks: playbooks)
        guard !desired.isEmpty else { throw RemediationError.noDesiredValues(playbooks: playbooks.map(\.id)) }
        let hosts = try inventory.selectedHosts()
        let connector = SSHTransportConnector(settings: try connection.settings())
        let stop = StopRequest()
        let settings = ApplySettings(
            runID: RunID.generate(), desired: desired, backupDirectory: backupDir.hasSuffix("/") ? String(backupDir.dropLast()) : backupDir,
            checkPort: checkPort, canary: canary, batchSize: batchSize, maxFailures: maxFailures,
            concurrency: connection.forks, toolVersion: PawsguardCommand.configuration.version,
            pauses: Self.testPauses(), stop: stop)
        let apply = FleetApply(settings: settings, connector: connector)

        let progressBar = ProgressBar(enabled: Terminal.stderrIsTTY && !noProgress && hosts.count > 1)
        let prepared = await apply.plan(hosts: hosts) { progressBar.update($0) }
        progressBar.finish()

        if dryRun {
            try emit(apply.dryRunReport(prepared), to: destinations)
            if prepared.contains(where: { $0.problem != nil }) { throw ExitCode(ExitStatus.hostsFailed) }
            return
        }
        let changing = prepared.filter(\.needsChanges)
        if changing.isEmpty {
            let report = ApplyReport(
                runID: settings.runID, toolVersion: settings.toolVersion, generatedAt: JournalRecord.now(), dryRun: false,
                desired: desired, hosts: prepared.map { $0.result(dryRun: false) })
            try emit(report, to: destinations)
            if prepared.contains(where: { $0.problem != nil }) { throw ExitCode(ExitStatus.hostsFailed) }
            return
        }
        Terminal.err(Self.summary(prepared, settings: settings))
        try confirm(hostCount: changing.count)

        let store = JournalStore(root: stateDir ?? JournalStore.defaultRoot())
        let journal = try RunJournal.create(in: store, runID: settings.runID)
        defer { journal.close() }
        try journal.append(.runStarted(RunStart(
            runID: settings.runID, toolVersion: settings.toolVersion, operatorName: Self.operatorName(),
            commandLine: CommandLine.arguments, desired: desired, hosts: changing.map(\.host.name),
            backupDirectory: settings.backupDirectory)))
        Terminal.err("pawsguard: run \(settings.runID), journal \(journal.path)\n")
        let interruptions = InterruptWatcher(stop: stop, runID: settings.runID)
        defer { interruptions.cancel() }
        let report = await apply.rollout(prepared, journal: journal) { result in
            Terminal.err("pawsguard: \(result.host): \(result.outcome)\(result.reason.map { " (\($0))" } ?? "")\n")
        }
        try emit(report, to: destinations)
        if report.hosts.contains(where: { $0.outcome != .verified && $0.outcome != .unchanged }) {
            throw ExitCode(ExitStatus.hostsFailed)
        }
    }

    private func emit(_ report: ApplyReport, to destinations: [(format: ReportFormat, path: String?)]) throws {
        for destination in destinations {
            let text = ApplyReportRenderer(format: destination.format, showDiffs: showDiff).render(report)
            if let path = destination.path {
                try Terminal.write(text, to: path)
            } else {
                Terminal.out(text)
            }
        }
    }

    private func confirm(hostCount: Int) throws {
        if yes { return }
        guard Terminal.stdinIsTTY && Terminal.stderrIsTTY else {
            throw ApplyCommandError.confirmationNeeded
        }
        Terminal.err("Apply these changes to \(hostCount) host(s)? Type 'yes' to go on: ")
        guard let answer = readLine(), answer.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
            throw ApplyCommandError.declined
        }
    }

    static func summary(_ prepared: [PreparedHost], settings: ApplySettings) -> String {
        var text = "pawsguard apply: plan of run \(settings.runID) (see every byte with --dry-run)\n"
        for host in prepared {
            guard let plan = host.plan else {
                text += "  \(host.host.name): \(host.problem.map { "\($0.outcome): \($0.reason)" } ?? "no plan")\n"
                continue
            }
            if let problem = host.problem {
                text += "  \(host.host.name): \(problem.outcome): \(problem.reason)\n"
                continue
            }
            if plan.isEmpty {
                text += "  \(host.host.name): already right, nothing to change\n"
                continue
            }
            text += "  \(host.host.name):\n"
            for change in plan.fileChanges {
                let lines = change.edits.map { String($0.line) }.joined(separator: ",")
                let via = change.linkedFrom.isEmpty ? "" : " (via \(change.linkedFrom.joined(separator: ", ")))"
                text += "    \(change.realPath)\(via): line(s) \(lines)\n"
            }
            for write in plan.liveWrites {
                text += "    live \(write.key): \(write.from) -> \(write.to)\n"
            }
        }
        text += "rollout: canary \(settings.canary), then batches of \(settings.batchSize), stop after \(settings.maxFailures + 1) failure(s)"
        text += settings.checkPort.map { ", port \($0) checked before and after" } ?? ""
        return text + "\n"
    }

    static func operatorName() -> String {
        let user = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }

    /// `PAWSGUARD_TEST_PAUSE_{AFTER_INTENT,BEFORE_WRITE,BEFORE_VERIFY}=seconds`: test-only hooks
    /// (docs/APPLY.md), so integration tests can kill or disturb a run at an exact point.
    static func testPauses() -> ApplyTestPauses {
        let environment = ProcessInfo.processInfo.environment
        func seconds(_ name: String) -> Double? { environment[name].flatMap(Double.init) }
        return ApplyTestPauses(
            afterIntent: seconds("PAWSGUARD_TEST_PAUSE_AFTER_INTENT"), beforeWrite: seconds("PAWSGUARD_TEST_PAUSE_BEFORE_WRITE"),
            beforeVerify: seconds("PAWSGUARD_TEST_PAUSE_BEFORE_VERIFY"))
    }
}

/// Ctrl-C or SIGTERM during a rollout: the first asks it to stop cleanly (hosts in progress undo
/// their changes, no new host starts, the report and journal are written); the second quits at once,
/// leaving the journal to `pawsguard rollback`.
final class InterruptWatcher {
    private let sources: [any DispatchSourceSignal]

    init(stop: StopRequest, runID: RunID) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.requested != nil {
                    Terminal.err("\npawsguard: quitting now; undo what was done with: pawsguard rollback \(runID)\n")
                    exit(130)
                }
                stop.request("stopped by the operator (signal \(number))")
                Terminal.err("\npawsguard: stopping: hosts in progress undo their changes, no new host starts; signal again to quit at once\n")
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

enum ApplyCommandError: Error, CustomStringConvertible {
    case confirmationNeeded
    case declined

    var description: String {
        switch self {
        case .confirmationNeeded:
            return "no terminal to confirm on: review the plan with --dry-run, then run again with --yes to apply it"
        case .declined:
            return "not confirmed; nothing was changed"
        }
    }
}
