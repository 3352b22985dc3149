import ArgumentParser
import Foundation
import PawsCore

/// `pawsguard lint`: finds tcp_tw_recycle (and the playbooks' other lint checks) in configuration
/// repositories before they reach a host.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find sysctl settings that drop SYNs from NAT clients in a configuration repository (CI check).",
        discussion: """
            Reads sysctl.conf and sysctl.d files, shell scripts, Dockerfiles, Ansible, Kubernetes, cloud-init,
            Terraform/Packer, Puppet and Salt files, and any other text, for assignments of the keys the
            playbooks' lint checks name (net.ipv4.tcp_tw_recycle, net.ipv4.tcp_timestamps), and applies the same
            rules as `audit` (same rule ids). Inside a git work tree only tracked files are read.

            Rules: tw-recycle-nat (error: tcp_tw_recycle set to non-zero), tw-recycle-stale-config (warning:
            tcp_tw_recycle set at all, only with --target-kernel 4.12 or later), timestamps-disabled (note).

            Silence one line with a comment on it or on the line before:
              # pawsguard: ignore[tw-recycle-nat] why this line is safe
            Leave files out with --exclude GLOB or a .pawsguardignore file (one glob per line) at the root.

            Exit status: 0 nothing at or above --fail-on, 1 a finding at or above --fail-on,
            2 usage error or a file that could not be read (and nothing at or above --fail-on).

            Examples:
              pawsguard lint
              pawsguard lint roles/ --target-kernel 5.15 --fail-on warning
              pawsguard lint --format sarif -o pawsguard.sarif --format text -o -
              pawsguard lint --exclude 'tests/fixtures/**' --format github
            """)

    @Argument(help: ArgumentHelp("Files and directories to check (default: the current directory).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var output: LintOutputOptions
    @OptionGroup var playbooks: PlaybookOptions

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a finding is at least this severe: note, warning, error.", valueName: "level"))
    var failOn: String = LintCheck.Level.warning.rawValue

    @Option(name: .long, help: ArgumentHelp(
        "The oldest kernel the configuration is for (4.12, 5.15): enables checks such as tw-recycle-stale-config.",
        valueName: "version"))
    var targetKernel: String?

    @Option(name: .long, help: ArgumentHelp("Leave out paths matching this glob (repeatable; `**` spans directories).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .long, help: "Read every file below the given directories, not only the ones git tracks.")
    var noGit = false

    @Option(name: .long, help: ArgumentHelp("Worker threads (default: the number of CPUs).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "List every skipped file, binary and documentation files included (otherwise they are counted).")
    var verbose = false

    func validate() throws {
        guard LintCheck.Level(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of \(LintCheck.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let targetKernel, KernelVersion(targetKernel) == nil {
            throw ValidationError("--target-kernel \(targetKernel): not a kernel version such as 5.15 or 4.9.0")
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func run() throws {
        let destinations = try output.destinations()
        let ruleSet = try LintRuleSet(playbooks: try playbooks.playbooks(), targetKernel: targetKernel.flatMap(KernelVersion.init))
        let failLevel = LintCheck.Level(rawValue: failOn) ?? .warning
        let currentDirectory = FileManager.default.currentDirectoryPath
        let walker = LintFileWalker(currentDirectory: currentDirectory, useGit: !noGit, excludes: LintExcludeList(patterns: exclude))
        let selection = walker.select(paths)
        let runner = LintRunner(
            linter: Linter(ruleSet: ruleSet), threads: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            currentDirectory: currentDirectory, listsRoutineSkips: verbose)
        let result = runner.run(selection.inputs)
        let report = LintReport(
            toolVersion: PawsguardCommand.configuration.version, ruleSet: ruleSet, findings: result.findings,
            notices: result.notices, skipped: selection.skipped + result.skipped, unlistedSkips: result.unlistedSkips,
            filesChecked: result.filesChecked,
            filesExcluded: selection.excluded, failOn: failLevel, sourceRoot: selection.sourceRoot,
            currentDirectory: currentDirectory)

        for remark in selection.remarks { Terminal.err("pawsguard lint: \(remark)\n") }
        for destination in destinations {
            let color = destination.path == nil && Terminal.wantsColor
            let text = destination.format.formatter(color: color).render(report)
            if let path = destination.path {
                try Self.createParentDirectory(of: path)
                try Terminal.write(text, to: path)
            } else {
                Terminal.out(text)
            }
        }
        Terminal.err(LintTextFormatter().diagnostics(report, verbose: verbose))

        switch report.outcome {
        case .clean: return
        case .findings: throw ExitCode(ExitStatus.findings)
        case .incompleteInput: throw ExitCode(ExitStatus.usage)
        }
    }

    /// CI jobs write reports into folders that do not exist yet (`-o reports/lint.sarif`).
    private static func createParentDirectory(of path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.cannotWrite(path: path, reason: "cannot create \(parent.path): \(error.localizedDescription)")
        }
    }
}
