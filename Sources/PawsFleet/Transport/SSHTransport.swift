import PawsCore
import PawsSSH

/// A transport over one libssh session. Created, used and closed on one pool thread.
public final class SSHTransport: Transport {
    private let session: SSHSession
    private let commandTimeout: Duration

    init(session: SSHSession, commandTimeout: Duration) {
        self.session = session
        self.commandTimeout = commandTimeout
    }

    public var hostKey: SSHHostKeyFingerprint { session.hostKey }

    public func run(_ command: String, stdin: [UInt8]?) throws -> CommandResult {
        let result = try session.exec(command: command, stdin: stdin, timeout: commandTimeout)
        return CommandResult(stdout: result.stdout, stderr: result.stderr, exitStatus: result.exitCode)
    }

    public func close() {
        session.close()
    }
}

/// Settings shared by every host's connection in a run; per-host values come from the inventory.
public struct SSHSettings: Sendable, Hashable {
    public var knownHostsPath: String
    public var hostKeyPolicy: HostKeyPolicy
    public var connectTimeout: Duration
    public var commandTimeout: Duration
    public var useAgent: Bool
    /// nil reads `~/.ssh/config`; `readsSSHConfig == false` reads none.
    public var sshConfigPath: String?
    public var readsSSHConfig: Bool
    /// Overrides the inventory's `ansible_user` when set (`--user`).
    public var user: String?
    /// Tried in addition to the inventory's key file (`--identity`).
    public var identityFiles: [String]
    /// Never logged: `SSHConnectionOptions.description` redacts it.
    public var passphrase: String?

    public init(
        knownHostsPath: String = SSHConnectionOptions.defaultKnownHostsPath, hostKeyPolicy: HostKeyPolicy = .strict,
        connectTimeout: Duration = .seconds(10), commandTimeout: Duration = .seconds(60), useAgent: Bool = true,
        sshConfigPath: String? = nil, readsSSHConfig: Bool = true, user: String? = nil, identityFiles: [String] = [],
        passphrase: String? = nil
    ) {
        self.knownHostsPath = knownHostsPath
        self.hostKeyPolicy = hostKeyPolicy
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.useAgent = useAgent
        self.sshConfigPath = sshConfigPath
        self.readsSSHConfig = readsSSHConfig
        self.user = user
        self.identityFiles = identityFiles
        self.passphrase = passphrase
    }

    /// The libssh options for one inventory host: the inventory's values win over ~/.ssh/config.
    public func connectionOptions(for host: InventoryHost) -> SSHConnectionOptions {
        SSHConnectionOptions(
            host: host.address, port: host.port, user: user ?? host.user,
            identityFiles: (host.identityFile.map { [$0] } ?? []) + identityFiles,
            knownHostsPath: knownHostsPath, hostKeyPolicy: hostKeyPolicy, connectTimeout: connectTimeout,
            commandTimeout: commandTimeout, useAgent: useAgent, readsSSHConfig: readsSSHConfig,
            sshConfigPath: sshConfigPath, proxyJump: host.vars["pawsguard_proxy_jump"], passphrase: passphrase)
    }
}

public struct SSHTransportConnector: TransportConnector {
    public let settings: SSHSettings

    public init(settings: SSHSettings) {
        self.settings = settings
    }

    public func connect(to host: InventoryHost) throws -> any Transport {
        let session = try SSHSession(options: settings.connectionOptions(for: host))
        return SSHTransport(session: session, commandTimeout: settings.commandTimeout)
    }
}
