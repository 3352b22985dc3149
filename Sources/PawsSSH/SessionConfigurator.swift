import CLibSSH
import Foundation

/// Applies `SSHConnectionOptions` to a fresh `ssh_session` in the order that makes the caller win:
/// host (and user, so `Match user` sees it) → ssh config → caller's port, user, files, timeout.
///
/// libssh would otherwise parse `~/.ssh/config` inside `ssh_connect` — after our settings, so a
/// config `Port` would beat the inventory. Parsing it here (or switching it off with
/// `SSH_OPTIONS_PROCESS_CONFIG`) settles the order before connecting.
enum SessionConfigurator {
    static func configure(_ session: ssh_session, with options: SSHConnectionOptions) throws -> SSHEndpoint {
        try set(session, SSH_OPTIONS_HOST, options.host, host: options.host)
        if let user = options.user {
            try set(session, SSH_OPTIONS_USER, user, host: options.host)
        }
        try applySSHConfig(session, options: options)

        if let port = options.port {
            guard (1...65535).contains(port) else {
                throw SSHError.invalidOptions(host: options.host, reason: "port \(port) is outside 1...65535")
            }
            var cPort = UInt32(port)
            ssh_options_set(session, SSH_OPTIONS_PORT, &cPort)
        }
        if let user = options.user {
            try set(session, SSH_OPTIONS_USER, user, host: options.host)
        }
        let knownHostsPath = HomeDirectory.expandingTilde(in: options.knownHostsPath)
        try set(session, SSH_OPTIONS_KNOWNHOSTS, knownHostsPath, host: options.host)
        if let global = options.globalKnownHostsPath {
            try set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, HomeDirectory.expandingTilde(in: global), host: options.host)
        }
        // Our HostKeyVerifier decides; this only keeps libssh from ever being lenient on its own.
        var strict: Int32 = 1
        ssh_options_set(session, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict)
        // A config `LogLevel DEBUG` would make libssh print to stderr; only the CLI may print.
        var silent = Int32(SSH_LOG_NOLOG)
        ssh_options_set(session, SSH_OPTIONS_LOG_VERBOSITY, &silent)
        // Every exchange here is a few small request/reply packets. With Nagle on, a packet that
        // follows another still unacknowledged waits for the server's delayed ACK (40 ms on Linux):
        // measured on loopback, authentication took 50 ms with it and 9 ms without.
        var noDelay: Int32 = 1
        ssh_options_set(session, SSH_OPTIONS_NODELAY, &noDelay)
        if !options.useAgent {
            // libssh's publickey_auto always asks the agent first; pointing it at a socket that
            // cannot exist is the only switch 0.10 offers.
            try set(session, SSH_OPTIONS_IDENTITY_AGENT, "/nonexistent/pawsguard-agent-disabled", host: options.host)
        }
        try applyProxy(session, options: options, knownHostsPath: knownHostsPath)
        return effectiveEndpoint(session, options: options)
    }

    private static func applySSHConfig(_ session: ssh_session, options: SSHConnectionOptions) throws {
        guard options.readsSSHConfig else {
            var processConfig = false
            ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig)
            return
        }
        let path = options.sshConfigPath.map(HomeDirectory.expandingTilde(in:))
        if let path {
            // libssh silently skips a config file it cannot open; a file the caller named must exist.
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw SSHError.sshConfigFailed(host: options.host, path: path, reason: "no readable file there")
            }
        }
        if ssh_options_parse_config(session, path) != 0 {
            throw SSHError.sshConfigFailed(
                host: options.host, path: path ?? "~/.ssh/config or /etc/ssh/ssh_config",
                reason: LibsshError.message(session))
        }
    }

    private static func applyProxy(_ session: ssh_session, options: SSHConnectionOptions, knownHostsPath: String) throws {
        if let proxyJump = options.proxyJump {
            let inputs = ProxyJumpCommand.Inputs(
                jumpHosts: proxyJump, knownHostsPath: knownHostsPath, hostKeyPolicy: options.hostKeyPolicy,
                identityFiles: options.identityFiles.map(HomeDirectory.expandingTilde(in:)),
                readsSSHConfig: options.readsSSHConfig, sshConfigPath: options.sshConfigPath,
                connectTimeoutSeconds: Int(options.connectTimeout.components.seconds))
            guard let command = ProxyJumpCommand.make(inputs) else {
                throw SSHError.invalidOptions(host: options.host, reason: "proxyJump \"\(proxyJump)\" names no host")
            }
            try set(session, SSH_OPTIONS_PROXYCOMMAND, command, host: options.host)
        } else if let configured = stringOption(session, SSH_OPTIONS_PROXYCOMMAND) {
            let safe = ProxyJumpCommand.neverPrompting(configured)
            if safe != configured {
                try set(session, SSH_OPTIONS_PROXYCOMMAND, safe, host: options.host)
            }
        }
    }

    private static func effectiveEndpoint(_ session: ssh_session, options: SSHConnectionOptions) -> SSHEndpoint {
        var port: UInt32 = 22
        if ssh_options_get_port(session, &port) != 0 { port = 22 }
        let hostname = stringOption(session, SSH_OPTIONS_HOST) ?? options.host
        let user = stringOption(session, SSH_OPTIONS_USER) ?? options.user ?? LocalUser.name
        return SSHEndpoint(host: options.host, hostname: hostname, port: Int(port), user: user)
    }

    private static func set(_ session: ssh_session, _ option: ssh_options_e, _ value: String, host: String) throws {
        if ssh_options_set(session, option, value) != 0 {
            throw SSHError.invalidOptions(
                host: host, reason: "libssh rejected option \(option.rawValue) = \"\(value)\": \(LibsshError.message(session))")
        }
    }

    static func stringOption(_ session: ssh_session, _ option: ssh_options_e) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard ssh_options_get(session, option, &value) == SSH_OK, let value else { return nil }
        defer { ssh_string_free_char(value) }
        return String(cString: value)
    }
}
