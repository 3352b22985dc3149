import ArgumentParser
import Foundation
import PawsCore
import PawsFleet

/// `pawsguard facts`: the smallest proof that the whole stack reaches every host.
struct FactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Show each host's kernel release and live tcp_tw_recycle / tcp_timestamps.",
        discussion: """
            Connects to every selected host at once (--forks at a time), runs the read-only probe and prints one line per host: its kernel release and the live values, "absent" when the kernel has no such key (tcp_tw_recycle was removed in Linux 4.12), or why the host could not be read (unreachable, timeout, auth failed, host key unknown/changed).

            Exit status: 0 every host answered, 3 some did not, 2 usage or input error.

            Example:
              pawsguard facts -i inventory.ini --limit 'db*' --known-hosts ~/.ssh/known_hosts
            """)

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print JSON lines (one object per host) instead of a table.")
    var json = false

    static let keys = ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_timestamps"]

    func run() async throws {
        let hosts = try inventory.selectedHosts()
        let connector = SSHTransportConnector(settings: try connection.settings())
        let request = ProbeRequest(keys: Self.keys)
        let script = ProbeScript.make(request)
        let rows = await FleetRunner(concurrency: connection.forks).run(hosts: hosts, isFailure: { $0.failure != nil }) { host in
            do {
                let snapshot = try FleetAudit.probe(host: host, connector: connector, script: script, request: request)
                return FactsRow(host: host, snapshot: snapshot, failure: nil)
            } catch {
                return FactsRow(host: host, snapshot: nil, failure: FailureClassifier.failure(from: error))
            }
        }
        Terminal.out(json ? FactsRow.jsonLines(rows) : FactsRow.table(rows))
        if rows.contains(where: { $0.failure != nil }) { throw ExitCode(ExitStatus.hostsFailed) }
    }
}

struct FactsRow: Sendable {
    var host: InventoryHost
    var snapshot: HostSnapshot?
    var failure: HostFailure?

    func live(_ key: String) -> String { snapshot?.live[key]?.description ?? "-" }

    static func table(_ rows: [FactsRow]) -> String {
        var lines = [["HOST", "ADDRESS", "KERNEL", "tcp_tw_recycle", "tcp_timestamps", "STATUS"]]
        for row in rows {
            let address = row.host.port.map { "\(row.host.address):\($0)" } ?? row.host.address
            if let failure = row.failure {
                lines.append([row.host.name, address, "-", "-", "-", failure.description])
            } else {
                lines.append([
                    row.host.name, address, row.snapshot?.kernelRelease ?? "unknown",
                    row.live(FactsCommand.keys[0]), row.live(FactsCommand.keys[1]), "ok",
                ])
            }
        }
        let widths = (0..<5).map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { line in
            line.enumerated().map { index, cell in
                index < 5 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func jsonLines(_ rows: [FactsRow]) -> String {
        struct Line: Encodable {
            var host: String
            var address: String
            var kernel: String?
            var live: [String: String]?
            var failure: HostFailure?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return rows.map { row in
            let line = Line(
                host: row.host.name, address: row.host.address, kernel: row.snapshot?.kernelRelease,
                live: row.snapshot.map { snapshot in snapshot.live.mapValues(\.description) }, failure: row.failure)
            return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }.joined(separator: "\n") + "\n"
    }
}
