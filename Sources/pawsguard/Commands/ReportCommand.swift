import ArgumentParser
import Foundation
import PawsCore
import PawsFleet

/// `pawsguard report ...`: work on saved JSON reports.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work on saved audit reports (JSON).",
        subcommands: [MergeCommand.self])
}

/// `pawsguard report merge`: one report from the shards of a big fleet.
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge JSON audit reports (e.g. from --shard runs) into one report, in any format.",
        discussion: """
            A host found in several reports keeps the entry of the report given last.

            Example (two shards, then one HTML report):
              pawsguard audit -i fleet.ini --shard 1/2 --format json -o shard1.json
              pawsguard audit -i fleet.ini --shard 2/2 --format json -o shard2.json
              pawsguard report merge shard1.json shard2.json --format html -o fleet.html

            Exit status: as audit's (0, 1 findings at or above --fail-on, 2 input error, 3 failed hosts).
            """)

    @Argument(help: ArgumentHelp("JSON reports written by `pawsguard audit --format json`.", valueName: "report.json"))
    var files: [String]

    @OptionGroup var output: ReportOutputOptions

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a finding is at least this severe.", valueName: "severity"))
    var failOn: String = "high"

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one JSON report to merge") }
        guard Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let destinations = try output.destinations()
        let reports = try files.map { path -> AuditReport in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.cannotRead(path: path, reason: "no such file or permission denied")
            }
            return try AuditReportDecoder.decode(data: data, source: path)
        }
        let merged = AuditReportMerger().merge(
            reports, toolVersion: PawsguardCommand.configuration.version, generatedAt: FleetAudit.timestamp())
        let ruleIDs = (try? PlaybookCatalog().builtins().filter { merged.playbooks.contains($0.id) }.flatMap { $0.rules.map(\.id) }) ?? []
        try AuditReportOutput.write(merged, to: destinations, ruleIDs: ruleIDs)
        try AuditReportOutput.exitIfNeeded(merged, failOn: Severity(rawValue: failOn) ?? .high)
    }
}
