import ArgumentParser
import Foundation
import PawsFleet
import PawsSSH

/// How pawsguard reaches hosts over SSH.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("known_hosts file to check host keys against (default ~/.ssh/known_hosts).", valueName: "file"))
    var knownHosts: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Record the keys of hosts never seen before instead of refusing them (like StrictHostKeyChecking=accept-new).",
        discussion: "A key that differs from the recorded one is always refused."))
    var acceptNew = false

    @Option(name: [.customShort("u"), .long], help: ArgumentHelp("SSH user for every host (overrides ansible_user).", valueName: "user"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("Private key file to try, in addition to the inventory's and ssh-agent's (repeatable).", valueName: "file"))
    var identity: [String] = []

    @Option(name: .long, help: ArgumentHelp("ssh_config file to read instead of ~/.ssh/config.", valueName: "file"))
    var sshConfig: String?

    @Flag(name: .long, help: "Read no ssh_config file at all.")
    var noSSHConfig = false

    @Flag(name: .long, help: "Do not use ssh-agent.")
    var noAgent = false

    @Option(name: .long, help: ArgumentHelp(
        "Read the passphrase of encrypted key files from this file (first line). Never logged.", valueName: "file"))
    var passphraseFile: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to connect, exchange keys and authenticate, per host.", valueName: "seconds"))
    var connectTimeout: Int = 10

    @Option(name: .long, help: ArgumentHelp("Seconds a host's remote commands may take, per host.", valueName: "seconds"))
    var timeout: Int = 60

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp(
        "Hosts worked on at once; each gets its own thread.", valueName: "n"))
    var forks: Int = 64

    func validate() throws {
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("--connect-timeout and --timeout must be at least 1 second") }
        guard (1...1024).contains(forks) else { throw ValidationError("--forks must be between 1 and 1024") }
        if noSSHConfig && sshConfig != nil { throw ValidationError("--ssh-config and --no-ssh-config exclude each other") }
    }

    func settings() throws -> SSHSettings {
        var passphrase: String?
        if let passphraseFile {
            guard let text = try? String(contentsOfFile: passphraseFile, encoding: .utf8) else {
                throw ValidationError("--passphrase-file \(passphraseFile): cannot read the file")
            }
            passphrase = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }
        return SSHSettings(
            knownHostsPath: knownHosts.map(expandTilde) ?? SSHConnectionOptions.defaultKnownHostsPath,
            hostKeyPolicy: acceptNew ? .acceptNew : .strict,
            connectTimeout: .seconds(connectTimeout), commandTimeout: .seconds(timeout), useAgent: !noAgent,
            sshConfigPath: sshConfig.map(expandTilde), readsSSHConfig: !noSSHConfig, user: user,
            identityFiles: identity.map(expandTilde), passphrase: passphrase)
    }

    private func expandTilde(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }
}
