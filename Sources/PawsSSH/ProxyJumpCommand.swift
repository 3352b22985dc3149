import Foundation

/// The ProxyCommand that reaches a host through jump hosts.
///
/// libssh 0.10 has no jump-host support of its own (`SSH_OPTIONS_PROXYJUMP` arrived in 0.11): its
/// config parser turns `ProxyJump a` into the ProxyCommand `ssh -W [%h]:%p a` and runs it with
/// `/bin/sh -c` on a socketpair, inheriting our stderr and controlling terminal. Left alone, that
/// `ssh` may ask on the terminal about an unknown jump host or a key passphrase. So:
/// - for `SSHConnectionOptions.proxyJump`, we build the command ourselves with `BatchMode=yes`
///   (never prompt), the same known_hosts file and host key policy, the caller's key files and ssh
///   config choice, and a connect timeout;
/// - a ProxyCommand that came from the ssh config and starts with `ssh ` gets `-o BatchMode=yes`
///   inserted (see `neverPrompting(_:)`).
/// The `ssh` child's own fatal errors still go to the inherited stderr (`LogLevel=ERROR`).
enum ProxyJumpCommand {
    struct Inputs {
        var jumpHosts: String
        var knownHostsPath: String
        var hostKeyPolicy: HostKeyPolicy
        var identityFiles: [String]
        var readsSSHConfig: Bool
        var sshConfigPath: String?
        var connectTimeoutSeconds: Int
    }

    /// `ssh -o BatchMode=yes ... -W '[%h]:%p' [-J first,...] -- ssh://last`, with every
    /// caller-provided value shell-quoted and its `%` doubled (libssh expands `%h`, `%p`, `%d`...
    /// in ProxyCommand before the shell sees it).
    static func make(_ inputs: Inputs) -> String? {
        let hops = inputs.jumpHosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let lastHop = hops.last else { return nil }
        var words = [
            "ssh",
            "-o", "BatchMode=yes",
            "-o", "LogLevel=ERROR",
            "-o", "ConnectTimeout=\(max(1, inputs.connectTimeoutSeconds))",
            "-o", "StrictHostKeyChecking=\(inputs.hostKeyPolicy == .strict ? "yes" : "accept-new")",
            "-o", argument("UserKnownHostsFile=" + inputs.knownHostsPath),
        ]
        if !inputs.readsSSHConfig {
            words += ["-F", "none"]
        } else if let sshConfigPath = inputs.sshConfigPath {
            words += ["-F", argument(sshConfigPath)]
        }
        for identityFile in inputs.identityFiles {
            words += ["-i", argument(identityFile)]
        }
        if hops.count > 1 {
            words += ["-J", argument(hops.dropLast().joined(separator: ","))]
        }
        words += ["-W", "'[%h]:%p'", "--", argument("ssh://" + lastHop)]
        return words.joined(separator: " ")
    }

    /// Adds `-o BatchMode=yes` to an `ssh ...` ProxyCommand (e.g. the one libssh synthesises for a
    /// config `ProxyJump`) unless it already sets BatchMode; other commands are returned unchanged.
    static func neverPrompting(_ proxyCommand: String) -> String {
        guard proxyCommand.hasPrefix("ssh "), !proxyCommand.localizedCaseInsensitiveContains("BatchMode")
        else { return proxyCommand }
        return "ssh -o BatchMode=yes " + proxyCommand.dropFirst("ssh ".count)
    }

    private static func argument(_ value: String) -> String {
        ShellQuote.quote(value.replacingOccurrences(of: "%", with: "%%"))
    }
}
