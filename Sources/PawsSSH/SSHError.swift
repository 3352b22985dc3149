/// Every way opening or using an SSH session can fail. Each description names the host and
/// says what to do next.
public enum SSHError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The options cannot work (empty host, timeout not positive, ...).
    case invalidOptions(host: String, reason: String)
    /// The ssh config file named by the caller is missing or libssh refused its syntax.
    case sshConfigFailed(host: String, path: String, reason: String)
    /// Name resolution or routing failed before any TCP connection existed.
    case unreachable(endpoint: SSHEndpoint, reason: String)
    /// The host answered the SYN with a reset: nothing listens on that port.
    case connectionRefused(endpoint: SSHEndpoint)
    case timedOut(endpoint: SSHEndpoint, phase: SSHPhase, after: Duration)
    /// libssh reported an error in a phase (key exchange mismatch, disconnect, ...).
    case sessionFailed(endpoint: SSHEndpoint, phase: SSHPhase, reason: String)
    case hostKeyUnknown(endpoint: SSHEndpoint, fingerprint: SSHHostKeyFingerprint, knownHostsPath: String)
    case hostKeyChanged(endpoint: SSHEndpoint, fingerprint: SSHHostKeyFingerprint, knownHostsPath: String)
    /// known_hosts holds a key of another type for this host than the one the server offered.
    case hostKeyOtherType(endpoint: SSHEndpoint, fingerprint: SSHHostKeyFingerprint, knownHostsPath: String)
    /// The known_hosts file could not be read or updated.
    case hostKeyCheckFailed(
        endpoint: SSHEndpoint, fingerprint: SSHHostKeyFingerprint?, knownHostsPath: String, reason: String)
    case authenticationFailed(endpoint: SSHEndpoint, triedMethods: [SSHAuthAttempt])
    case encryptedKeyWithoutPassphrase(endpoint: SSHEndpoint, keyPath: String)
    case keyPassphraseRejected(endpoint: SSHEndpoint, keyPath: String)
    case keyFileUnreadable(endpoint: SSHEndpoint, keyPath: String, reason: String)
    /// Opening a channel, starting the command or moving its data failed.
    case channel(endpoint: SSHEndpoint, operation: String, reason: String)
    /// The TCP connection broke (server process killed, host rebooted, network dropped); the
    /// session cannot be used any more.
    case connectionLost(endpoint: SSHEndpoint, operation: String, reason: String)
    case outputTooLarge(endpoint: SSHEndpoint, command: String, limit: Int)
    /// `exec` was called after `close()`.
    case sessionClosed(endpoint: SSHEndpoint)

    public var description: String {
        switch self {
        case .invalidOptions(let host, let reason):
            return "SSH to \(host): invalid connection options: \(reason)."
        case .sshConfigFailed(let host, let path, let reason):
            return "SSH to \(host): cannot use ssh config \(path): \(reason). "
                + "Fix the file, or pass another config path or disable config parsing."
        case .unreachable(let endpoint, let reason):
            return "SSH to \(endpoint): host unreachable: \(reason). "
                + "Check the host name, DNS and routing from this machine."
        case .connectionRefused(let endpoint):
            return "SSH to \(endpoint): connection refused: nothing listens on port \(endpoint.port) "
                + "of \(endpoint.hostname). Check that sshd runs and the port is right (inventory or ssh config `Port`)."
        case .timedOut(let endpoint, let phase, let after):
            return "SSH to \(endpoint): timed out after \(DurationText.seconds(after)) during \(phase). "
                + Self.timeoutAdvice(phase)
        case .sessionFailed(let endpoint, let phase, let reason):
            return "SSH to \(endpoint): \(phase) failed: \(reason)."
        case .hostKeyUnknown(let endpoint, let fingerprint, let knownHostsPath):
            return "SSH to \(endpoint): refused: host key not known. \(endpoint.knownHostsName) is not in "
                + "\(knownHostsPath); the server offered \(fingerprint). Verify this fingerprint out of band "
                + "(on the host: `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub`), then record it with "
                + "`\(Self.keyscanCommand(endpoint, keyType: nil)) >> \(knownHostsPath)`, "
                + "or rerun with --accept-new to record it on first use."
        case .hostKeyChanged(let endpoint, let fingerprint, let knownHostsPath):
            return "SSH to \(endpoint): refused: HOST KEY CHANGED. \(knownHostsPath) records another key for "
                + "\(endpoint.knownHostsName); the server now offers \(fingerprint). This is what a "
                + "man-in-the-middle looks like, or the host was reinstalled. Verify the new fingerprint out of "
                + "band; only if it is right, remove the old entry with "
                + "`ssh-keygen -R '\(endpoint.knownHostsName)' -f \(knownHostsPath)` and record the new one "
                + "(`\(Self.keyscanCommand(endpoint, keyType: nil))`). --accept-new does not override this."
        case .hostKeyOtherType(let endpoint, let fingerprint, let knownHostsPath):
            return "SSH to \(endpoint): refused: \(knownHostsPath) records a key of another type for "
                + "\(endpoint.knownHostsName), but the server offered \(fingerprint). A server that lost the "
                + "recorded key type may be an impostor. Verify this fingerprint out of band, then add it with "
                + "`\(Self.keyscanCommand(endpoint, keyType: fingerprint.keyType)) >> \(knownHostsPath)`. "
                + "--accept-new does not override this."
        case .hostKeyCheckFailed(let endpoint, let fingerprint, let knownHostsPath, let reason):
            let offered = fingerprint.map { " (server offered \($0))" } ?? ""
            return "SSH to \(endpoint): refused: cannot check the host key against \(knownHostsPath)\(offered): "
                + "\(reason). Check that the file and its directory are readable and writable."
        case .authenticationFailed(let endpoint, let triedMethods):
            let tried = triedMethods.isEmpty
                ? "no method was available"
                : triedMethods.map(\.description).joined(separator: "; ")
            return "SSH to \(endpoint): authentication failed for user \(endpoint.user) (tried: \(tried)). "
                + "Check that the user is right and that one of these keys is in its authorized_keys, "
                + "or load the key into ssh-agent."
        case .encryptedKeyWithoutPassphrase(let endpoint, let keyPath):
            return "SSH to \(endpoint): encrypted key \(keyPath) needs ssh-agent or a passphrase file; "
                + "pawsguard never prompts. Load it with `ssh-add \(keyPath)` or give a passphrase."
        case .keyPassphraseRejected(let endpoint, let keyPath):
            return "SSH to \(endpoint): the passphrase given does not decrypt \(keyPath). "
                + "Check the passphrase file, or load the key into ssh-agent."
        case .keyFileUnreadable(let endpoint, let keyPath, let reason):
            return "SSH to \(endpoint): cannot read private key \(keyPath): \(reason). "
                + "Check the path in the inventory and the file's permissions."
        case .channel(let endpoint, let operation, let reason):
            return "SSH to \(endpoint): \(operation) failed: \(reason)."
        case .connectionLost(let endpoint, let operation, let reason):
            return "SSH to \(endpoint): connection lost while \(operation): \(reason). The host may have "
                + "rebooted, sshd restarted or the network dropped; whether the command ran is unknown. "
                + "Open a new session to retry."
        case .outputTooLarge(let endpoint, let command, let limit):
            return "SSH to \(endpoint): command `\(CommandSummary.short(command))` produced more than "
                + "\(limit) bytes of output; stopped reading. Raise the output limit if this is expected."
        case .sessionClosed(let endpoint):
            return "SSH to \(endpoint): the session is already closed; open a new one."
        }
    }

    private static func timeoutAdvice(_ phase: SSHPhase) -> String {
        switch phase {
        case .connect:
            "No answer to the TCP connection attempt: the host may be down, or a firewall drops the packets."
        case .banner:
            "The port accepted the connection but no SSH server spoke; check what listens there."
        case .kex, .auth:
            "The SSH server stopped answering; it may be overloaded. Retry or raise the connect timeout."
        case .exec:
            "The command did not finish in time, or the server stopped answering; "
                + "raise the command timeout if the command is expected to be slow."
        }
    }

    private static func keyscanCommand(_ endpoint: SSHEndpoint, keyType: String?) -> String {
        var command = "ssh-keyscan"
        if endpoint.port != 22 { command += " -p \(endpoint.port)" }
        if let keyType { command += " -t \(keyType)" }
        return command + " \(endpoint.hostname)"
    }
}
