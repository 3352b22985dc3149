/// One authentication method tried, and how it ended; listed in `.authenticationFailed`.
public struct SSHAuthAttempt: Sendable, Hashable, CustomStringConvertible {
    public enum Method: Sendable, Hashable, CustomStringConvertible {
        /// The keys of the ssh-agent listening on this socket.
        case agent(socket: String)
        /// A private key file named by the caller.
        case keyFile(path: String)
        /// The ssh config `IdentityFile`s and libssh's default `~/.ssh/id_*` keys (and the agent,
        /// when enabled), as libssh's `publickey_auto` walks them.
        case configuredIdentities

        public var description: String {
            switch self {
            case .agent(let socket): "ssh-agent at \(socket)"
            case .keyFile(let path): "key file \(path)"
            case .configuredIdentities: "ssh config / default identities"
            }
        }
    }

    public enum Outcome: Sendable, Hashable, CustomStringConvertible {
        case accepted
        case denied
        /// The server accepted this step but requires further methods (e.g. a second factor).
        case partial
        case encryptedWithoutPassphrase(keyPath: String)
        case passphraseRejected
        case unreadable(reason: String)

        public var description: String {
            switch self {
            case .accepted: "accepted"
            case .denied: "denied by the server"
            case .partial: "accepted as a partial step, but the server requires more methods"
            case .encryptedWithoutPassphrase(let keyPath):
                "\(keyPath) is encrypted and no passphrase was available"
            case .passphraseRejected: "the passphrase does not decrypt the key"
            case .unreadable(let reason): "unreadable: \(reason)"
            }
        }
    }

    public var method: Method
    public var outcome: Outcome

    public init(method: Method, outcome: Outcome) {
        self.method = method
        self.outcome = outcome
    }

    public var description: String { "\(method): \(outcome)" }
}
