import ArgumentParser
import Foundation
import PawsCore
import PawsFleet

/// `pawsguard audit`: the main job.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Find hosts that will silently drop SYNs from clients behind NAT, and say why.",
        discussion: """
            For every host: one SSH connection runs one read-only sh script (no agent, no root needed) that reads the kernel release, the live values of the playbook's keys, every sysctl configuration file of both appliers and the TCP drop counters. pawsguard then works out what `sysctl --system` (procps) and systemd-sysctl would set at boot, with the file:line each value comes from, weighs the host's NAT exposure (inventory nat_clients/nat_sources, PAWSPassive, established peers) and applies the playbook's rules.

            --sample-interval N reads the counters twice, N seconds apart: ΔPAWSPassive > 0 with ΔListenDrops > ΔListenOverflows is the incident's signature, happening now.

            Exit status: 0 nothing at or above --fail-on, 1 a finding at or above --fail-on, 2 usage or input error, 3 some hosts could not be audited (and nothing worse was found).

            Examples:
              pawsguard audit -i inventory.ini
              pawsguard audit -i inventory.ini --limit mysql --sample-interval 10
              pawsguard audit -i inv.ini --format json -o a.json --format html -o a.html
              pawsguard audit --local --playbook syn-drop-diagnosis
            """)

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var playbooks: PlaybookOptions
    @OptionGroup var output: ReportOutputOptions

    @Flag(name: .long, help: "Audit this machine with the same probe and rules, without SSH.")
    var local = false

    @Option(name: .long, help: ArgumentHelp("Read the drop counters twice, this many seconds apart (1-300).", valueName: "seconds"))
    var sampleInterval: Int?

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a finding is at least this severe: info, low, medium, high, critical.", valueName: "severity"))
    var failOn: String = "high"

    @Flag(name: .long, help: "No progress bar on stderr (it is only shown on a terminal anyway).")
    var noProgress = false

    func validate() throws {
        if let sampleInterval, !(1...300).contains(sampleInterval) {
            throw ValidationError("--sample-interval must be between 1 and 300 seconds")
        }
        guard Severity(rawValue: failOn) != nil else {
            throw ValidationError("--fail-on must be one of \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if local && inventory.inventory != nil { throw ValidationError("--local audits this machine; drop -i or --local") }
        if !local && inventory.inventory == nil {
            throw ValidationError("missing -i INVENTORY (an Ansible inventory file; see inventory.example), or use --local")
        }
    }

    func run() async throws {
        let destinations = try output.destinations()
        let playbooks = try playbooks.playbooks()
        let hosts: [InventoryHost]
        let connector: any TransportConnector
        if local {
            hosts = [InventoryHost.local]
            connector = LocalTransportConnector()
        } else {
            hosts = try inventory.selectedHosts()
            connector = SSHTransportConnector(settings: try connection.settings())
        }
        let audit = FleetAudit(
            playbooks: playbooks, sampleIntervalSeconds: sampleInterval, connector: connector,
            concurrency: connection.forks, toolVersion: PawsguardCommand.configuration.version)
        let progressBar = ProgressBar(enabled: Terminal.stderrIsTTY && !noProgress && hosts.count > 1)
        let report = await audit.run(hosts: hosts) { progressBar.update($0) }
        progressBar.finish()
        let ruleIDs = playbooks.flatMap { $0.rules.map(\.id) }
        try AuditReportOutput.write(report, to: destinations, ruleIDs: ruleIDs)
        try AuditReportOutput.exitIfNeeded(report, failOn: Severity(rawValue: failOn) ?? .high)
    }
}

extension InventoryHost {
    /// This machine, for `--local`.
    static var local: InventoryHost {
        var name = "localhost"
        if let hostname = try? String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8) {
            name = hostname.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return InventoryHost(name: name, address: "localhost", location: SourceLocation(path: "--local", line: 0))
    }
}
