import CLibSSH

/// One authenticated SSH connection to one host, running commands one at a time.
///
/// Creating it connects, checks the host key and authenticates, all within
/// `options.connectTimeout`; each `exec` is bounded by `options.commandTimeout`. Calls block.
/// (One thing the deadline cannot cut short: libssh resolves host names with a blocking
/// `getaddrinfo`, bounded only by the resolver's own timeouts. Inventories of addresses avoid it.)
///
/// Nothing here prompts or prints: passphrases come from the options or not at all, libssh's
/// logging is forced off (even if the ssh config sets `LogLevel`), and jump hosts run the OpenSSH
/// client in batch mode (see `ProxyJumpCommand`).
///
/// Thread confinement: a session belongs to the thread that created it and must only be used
/// there (libssh sessions are not thread-safe; different sessions on different threads are
/// fine). It is deliberately not `Sendable`; debug builds assert the calling thread. Do not use
/// it from Swift concurrency tasks, whose threads change between suspension points.
public final class SSHSession {
    public let endpoint: SSHEndpoint
    /// The server's host key, as checked against known_hosts.
    public let hostKey: SSHHostKeyFingerprint
    private let options: SSHConnectionOptions
    private var handle: ssh_session?
    /// Holds the C callback struct libssh points at; released only after `ssh_free`.
    private let callbacks: SessionCallbacks
    private let confinement = ThreadConfinement()

    /// Connects, verifies the host key and authenticates. Throws `SSHError`.
    public init(options: SSHConnectionOptions) throws {
        let connection = try SessionConnector.open(options)
        self.options = options
        self.handle = connection.session
        self.callbacks = connection.callbacks
        self.endpoint = connection.endpoint
        self.hostKey = connection.hostKey
    }

    /// Runs `command` through the remote user's shell on a new channel. `stdin`, when given, is
    /// written in full and then closed; stdout and stderr are returned in full. A non-zero exit
    /// status is a result, not an error. Throws on timeout (`timeout`, else the options'
    /// `commandTimeout`), output over `maxOutputBytes`, or a broken connection.
    public func exec(command: String, stdin: [UInt8]? = nil, timeout: Duration? = nil) throws -> SSHExecResult {
        confinement.assertOnOwnerThread("exec")
        guard let handle else { throw SSHError.sessionClosed(endpoint: endpoint) }
        let executor = ChannelExecutor(
            session: handle, endpoint: endpoint, deadline: SSHDeadline(budget: timeout ?? options.commandTimeout),
            maxOutputBytes: options.maxOutputBytes)
        return try executor.run(command: command, stdin: stdin)
    }

    /// Says goodbye to the server and frees libssh's session. Safe to call more than once.
    public func close() {
        confinement.assertOnOwnerThread("close")
        release()
    }

    deinit {
        release()
    }

    private func release() {
        guard let handle else { return }
        self.handle = nil
        SessionConnector.dispose(handle)
    }
}
