import CLibSSH

/// Opens a libssh session the way `SSHSession` needs it: configured, connected, host key
/// checked, authenticated — under one connect deadline — or fully freed again on any failure.
enum SessionConnector {
    struct Connection {
        let session: ssh_session
        let callbacks: SessionCallbacks
        let endpoint: SSHEndpoint
        let hostKey: SSHHostKeyFingerprint
    }

    static func open(_ options: SSHConnectionOptions) throws -> Connection {
        try validate(options)
        let deadline = SSHDeadline(budget: options.connectTimeout)
        guard SSHLibrary.ensureInitialized(), let session = ssh_new() else {
            throw SSHError.invalidOptions(host: options.host, reason: "libssh could not create a session (ssh_init failed)")
        }
        let callbacks = SessionCallbacks(installingOn: session)
        var connected = false
        defer {
            if !connected { dispose(session) }
            withExtendedLifetime(callbacks) {}
        }

        let endpoint = try SessionConfigurator.configure(session, with: options)
        guard !deadline.isExpired else {
            throw SSHError.timedOut(endpoint: endpoint, phase: .connect, after: deadline.elapsed)
        }
        deadline.applyAsLibsshTimeout(to: session)
        guard ssh_connect(session) == SSH_OK else {
            throw ConnectFailureClassifier.classify(session, endpoint: endpoint, deadline: deadline)
        }
        let hostKey = try HostKeyVerifier.verify(
            session, endpoint: endpoint, knownHostsPath: HomeDirectory.expandingTilde(in: options.knownHostsPath),
            policy: options.hostKeyPolicy)
        try Authenticator(
            session: session, endpoint: endpoint, options: options,
            passphraseRecorder: callbacks.passphraseRecorder, deadline: deadline
        ).authenticate()
        connected = true
        return Connection(session: session, callbacks: callbacks, endpoint: endpoint, hostKey: hostKey)
    }

    /// Disconnects (bounded: a stalled server gets a short grace) and frees the session.
    static func dispose(_ session: ssh_session) {
        LibsshTimeout.set(.milliseconds(500), on: session)
        ssh_disconnect(session)
        ssh_free(session)
    }

    private static func validate(_ options: SSHConnectionOptions) throws {
        let problems = [
            options.host.isEmpty ? "host is empty" : nil,
            options.connectTimeout <= .zero ? "connectTimeout must be positive" : nil,
            options.commandTimeout <= .zero ? "commandTimeout must be positive" : nil,
            options.maxOutputBytes <= 0 ? "maxOutputBytes must be positive" : nil,
            options.knownHostsPath.isEmpty ? "knownHostsPath is empty" : nil,
        ].compactMap { $0 }
        if !problems.isEmpty {
            throw SSHError.invalidOptions(host: options.host, reason: problems.joined(separator: "; "))
        }
    }
}
