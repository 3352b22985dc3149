import ArgumentParser
import Foundation

@main
struct PawsguardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pawsguard",
        abstract: "Find and fix Linux servers that silently drop SYNs from clients behind NAT (tcp_tw_recycle).",
        discussion: """
            A server with net.ipv4.tcp_tw_recycle=1 and TCP timestamps on drops, without an answer, SYNs whose timestamp is older than the last one seen from the same address. Clients behind one NAT address (Kubernetes nodes, office gateways) send unrelated timestamps, so their connections hang at random.

            Start with:  pawsguard audit -i inventory.ini
            """,
        version: "0.1.0",
        subcommands: [
            AuditCommand.self, ApplyCommand.self, RunsCommand.self, RollbackCommand.self, FactsCommand.self,
            LintCommand.self, PcapCommand.self, ReportCommand.self,
        ]
    )

    /// ArgumentParser exits 64 on usage errors and 1 on other errors; pawsguard promises 2 for both
    /// (1 means "findings", 3 "some hosts failed"), so the exit status is mapped here, once.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if error is ExitCode || code == .success {
                exit(withError: error)
            }
            let message = message(for: error)
            if !message.isEmpty {
                let hint = code == .validationFailure ? " (see pawsguard help <command>)" : ""
                Terminal.err("pawsguard: " + message + hint + "\n")
            }
            Foundation.exit(ExitStatus.usage)
        }
    }
}
