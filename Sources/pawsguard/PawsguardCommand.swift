import ArgumentParser

@main
struct PawsguardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pawsguard",
        abstract: "Find and fix Linux servers that silently drop SYNs from clients behind NAT (tcp_tw_recycle).",
        version: "0.1.0",
        subcommands: []
    )
}
