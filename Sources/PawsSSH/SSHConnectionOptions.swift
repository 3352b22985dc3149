/// Everything needed to open one SSH session to one host.
///
/// Values given here win over `~/.ssh/config`: the config is parsed first, then `port`, `user`
/// and the rest are applied on top, so an inventory entry overrides a config `Host` block.
public struct SSHConnectionOptions: Sendable, Hashable {
    /// Host name, config alias or address to connect to.
    public var host: String
    /// Port; nil takes the ssh config `Port` or 22.
    public var port: Int?
    /// Remote user; nil takes the ssh config `User` or the local user name.
    public var user: String?
    /// Private key files tried before any agent or configured identity, in order.
    /// A leading `~/` is expanded.
    public var identityFiles: [String]
    /// The known_hosts file host keys are checked against (and recorded in with `.acceptNew`).
    public var knownHostsPath: String
    /// A system-wide known_hosts file consulted in addition to `knownHostsPath`;
    /// nil keeps libssh's default (`/etc/ssh/ssh_known_hosts`).
    public var globalKnownHostsPath: String?
    public var hostKeyPolicy: HostKeyPolicy
    /// Bound on resolving the config, TCP connect, banner, key exchange, host key check and
    /// authentication together.
    public var connectTimeout: Duration
    /// Bound on each `exec`, from opening the channel to receiving the exit status.
    public var commandTimeout: Duration
    /// Try the keys of the ssh-agent named by `SSH_AUTH_SOCK`.
    public var useAgent: Bool
    /// Try the `IdentityFile`s of the ssh config and libssh's defaults (`~/.ssh/id_ed25519`,
    /// `id_ecdsa`, `id_rsa`) after `identityFiles`.
    public var useConfiguredIdentities: Bool
    /// Read an ssh config file at all.
    public var readsSSHConfig: Bool
    /// The ssh config file to read; nil reads libssh's defaults (`~/.ssh/config`, then
    /// `/etc/ssh/ssh_config`).
    public var sshConfigPath: String?
    /// Comma-separated `[user@]host[:port]` jump hosts; reached through the OpenSSH `ssh` client
    /// (see `ProxyJumpCommand`).
    public var proxyJump: String?
    /// Passphrase for encrypted private keys. Never logged: `description` redacts it.
    public var passphrase: String?
    /// Largest stdout plus stderr one `exec` may return before it fails with `.outputTooLarge`.
    public var maxOutputBytes: Int

    public static let defaultMaxOutputBytes = 64 * 1024 * 1024

    public init(
        host: String,
        port: Int? = nil,
        user: String? = nil,
        identityFiles: [String] = [],
        knownHostsPath: String = SSHConnectionOptions.defaultKnownHostsPath,
        globalKnownHostsPath: String? = nil,
        hostKeyPolicy: HostKeyPolicy = .strict,
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60),
        useAgent: Bool = true,
        useConfiguredIdentities: Bool = true,
        readsSSHConfig: Bool = true,
        sshConfigPath: String? = nil,
        proxyJump: String? = nil,
        passphrase: String? = nil,
        maxOutputBytes: Int = SSHConnectionOptions.defaultMaxOutputBytes
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.identityFiles = identityFiles
        self.knownHostsPath = knownHostsPath
        self.globalKnownHostsPath = globalKnownHostsPath
        self.hostKeyPolicy = hostKeyPolicy
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.useAgent = useAgent
        self.useConfiguredIdentities = useConfiguredIdentities
        self.readsSSHConfig = readsSSHConfig
        self.sshConfigPath = sshConfigPath
        self.proxyJump = proxyJump
        self.passphrase = passphrase
        self.maxOutputBytes = maxOutputBytes
    }

    /// `~/.ssh/known_hosts` of the current user.
    public static var defaultKnownHostsPath: String {
        HomeDirectory.expandingTilde(in: "~/.ssh/known_hosts")
    }
}

extension SSHConnectionOptions: CustomStringConvertible {
    public var description: String {
        var parts = ["host: \(host)"]
        if let port { parts.append("port: \(port)") }
        if let user { parts.append("user: \(user)") }
        if !identityFiles.isEmpty { parts.append("identityFiles: \(identityFiles)") }
        parts.append("knownHostsPath: \(knownHostsPath)")
        if let globalKnownHostsPath { parts.append("globalKnownHostsPath: \(globalKnownHostsPath)") }
        parts.append("hostKeyPolicy: \(hostKeyPolicy.rawValue)")
        parts.append("connectTimeout: \(connectTimeout)")
        parts.append("commandTimeout: \(commandTimeout)")
        parts.append("useAgent: \(useAgent)")
        parts.append("useConfiguredIdentities: \(useConfiguredIdentities)")
        parts.append("sshConfig: \(readsSSHConfig ? (sshConfigPath ?? "default") : "disabled")")
        if let proxyJump { parts.append("proxyJump: \(proxyJump)") }
        if passphrase != nil { parts.append("passphrase: <redacted>") }
        parts.append("maxOutputBytes: \(maxOutputBytes)")
        return "SSHConnectionOptions(" + parts.joined(separator: ", ") + ")"
    }
}
