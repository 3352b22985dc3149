import CLibSSH
import Foundation

/// Public-key authentication that never prompts: the caller's key files first (so an
/// inventory key is not crowded out by the server's MaxAuthTries), then libssh's
/// `publickey_auto` (ssh-agent, ssh config `IdentityFile`s, default `~/.ssh/id_*`), or only the
/// agent when configured identities are off. Passphrases come from the options or nowhere.
struct Authenticator {
    let session: ssh_session
    let endpoint: SSHEndpoint
    let options: SSHConnectionOptions
    let passphraseRecorder: PassphrasePromptRecorder
    let deadline: SSHDeadline

    func authenticate() throws {
        var attempts: [SSHAuthAttempt] = []
        for path in options.identityFiles.map(HomeDirectory.expandingTilde(in:)) {
            let outcome = try tryKeyFile(path)
            if outcome == .accepted { return }
            attempts.append(SSHAuthAttempt(method: .keyFile(path: path), outcome: outcome))
        }
        // libssh itself reads the variable with getenv, so read it the same way.
        let agentSocket = options.useAgent ? getenv("SSH_AUTH_SOCK").map { String(cString: $0) } : nil
        if options.useConfiguredIdentities {
            let outcome = try tryConfiguredIdentities()
            if outcome == .accepted { return }
            if let agentSocket {
                attempts.append(SSHAuthAttempt(method: .agent(socket: agentSocket), outcome: .denied))
            }
            attempts.append(SSHAuthAttempt(method: .configuredIdentities, outcome: outcome))
            for path in passphraseRecorder.autoIdentitiesAsked {
                attempts.append(SSHAuthAttempt(
                    method: .keyFile(path: path), outcome: .encryptedWithoutPassphrase(keyPath: path)))
            }
        } else if let agentSocket {
            let outcome = try interpret(call { ssh_userauth_agent(session, nil) })
            if outcome == .accepted { return }
            attempts.append(SSHAuthAttempt(method: .agent(socket: agentSocket), outcome: outcome))
        }
        throw mostSpecificFailure(attempts)
    }

    private func tryKeyFile(_ path: String) throws -> SSHAuthAttempt.Outcome {
        switch PrivateKeyLoader.load(path: path, passphrase: options.passphrase) {
        case .loaded(let key):
            defer { ssh_key_free(key) }
            return try interpret(call { ssh_userauth_publickey(session, nil, key) })
        case .encryptedWithoutPassphrase:
            return .encryptedWithoutPassphrase(keyPath: path)
        case .passphraseRejected:
            return .passphraseRejected
        case .unreadable(let reason):
            return .unreadable(reason: reason)
        }
    }

    private func tryConfiguredIdentities() throws -> SSHAuthAttempt.Outcome {
        passphraseRecorder.autoSession = session
        defer { passphraseRecorder.autoSession = nil }
        return try interpret(call { ssh_userauth_publickey_auto(session, nil, options.passphrase) })
    }

    /// Runs one blocking libssh auth call bounded by the time left.
    private func call(_ body: () -> Int32) throws -> Int32 {
        guard !deadline.isExpired else {
            throw SSHError.timedOut(endpoint: endpoint, phase: .auth, after: deadline.elapsed)
        }
        deadline.applyAsLibsshTimeout(to: session)
        return body()
    }

    private func interpret(_ result: Int32) throws -> SSHAuthAttempt.Outcome {
        switch ssh_auth_e(result) {
        case SSH_AUTH_SUCCESS:
            return .accepted
        case SSH_AUTH_DENIED:
            return .denied
        case SSH_AUTH_PARTIAL:
            return .partial
        case SSH_AUTH_AGAIN:
            // A blocking call returns AGAIN only when its timeout ran out.
            throw SSHError.timedOut(endpoint: endpoint, phase: .auth, after: deadline.elapsed)
        default:
            if deadline.isExpired {
                throw SSHError.timedOut(endpoint: endpoint, phase: .auth, after: deadline.elapsed)
            }
            throw SSHError.sessionFailed(endpoint: endpoint, phase: .auth, reason: LibsshError.message(session))
        }
    }

    /// A key the caller named that could not be used explains a failure better than "denied".
    private func mostSpecificFailure(_ attempts: [SSHAuthAttempt]) -> SSHError {
        for attempt in attempts {
            if case .encryptedWithoutPassphrase(let keyPath) = attempt.outcome {
                return .encryptedKeyWithoutPassphrase(endpoint: endpoint, keyPath: keyPath)
            }
        }
        for attempt in attempts {
            guard case .keyFile(let path) = attempt.method else { continue }
            switch attempt.outcome {
            case .passphraseRejected:
                return .keyPassphraseRejected(endpoint: endpoint, keyPath: path)
            case .unreadable(let reason):
                return .keyFileUnreadable(endpoint: endpoint, keyPath: path, reason: reason)
            default:
                continue
            }
        }
        return .authenticationFailed(endpoint: endpoint, triedMethods: attempts)
    }
}
