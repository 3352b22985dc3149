import CLibSSH
import Foundation

/// Checks the server's host key against known_hosts after key exchange, before any credential
/// is sent. Unknown keys pass only under `.acceptNew` (and are recorded); changed keys and keys
/// of another type than the recorded one never pass.
enum HostKeyVerifier {
    /// Serialises check-and-record across sessions so concurrent first connections to the same
    /// host append one entry each in turn, never interleaved lines.
    private static let knownHostsLock = NSLock()

    static func verify(
        _ session: ssh_session, endpoint: SSHEndpoint, knownHostsPath: String, policy: HostKeyPolicy
    ) throws -> SSHHostKeyFingerprint {
        let fingerprint = try serverFingerprint(session, endpoint: endpoint, knownHostsPath: knownHostsPath)
        let refusal = { (reason: String) in
            SSHError.hostKeyCheckFailed(
                endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: knownHostsPath, reason: reason)
        }
        knownHostsLock.lock()
        defer { knownHostsLock.unlock() }

        switch ssh_session_is_known_server(session) {
        case SSH_KNOWN_HOSTS_OK:
            return fingerprint
        case SSH_KNOWN_HOSTS_CHANGED:
            throw SSHError.hostKeyChanged(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: knownHostsPath)
        case SSH_KNOWN_HOSTS_OTHER:
            throw SSHError.hostKeyOtherType(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: knownHostsPath)
        case SSH_KNOWN_HOSTS_UNKNOWN, SSH_KNOWN_HOSTS_NOT_FOUND:
            guard policy == .acceptNew else {
                throw SSHError.hostKeyUnknown(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: knownHostsPath)
            }
            guard ssh_session_update_known_hosts(session) == SSH_OK else {
                throw refusal("recording the new key failed: \(LibsshError.message(session))")
            }
            return fingerprint
        default:
            throw refusal(LibsshError.message(session))
        }
    }

    private static func serverFingerprint(
        _ session: ssh_session, endpoint: SSHEndpoint, knownHostsPath: String
    ) throws -> SSHHostKeyFingerprint {
        var key: ssh_key?
        guard ssh_get_server_publickey(session, &key) == SSH_OK, let key else {
            throw SSHError.hostKeyCheckFailed(
                endpoint: endpoint, fingerprint: nil, knownHostsPath: knownHostsPath,
                reason: "the server's host key is not available: \(LibsshError.message(session))")
        }
        defer { ssh_key_free(key) }
        var hash: UnsafeMutablePointer<UInt8>?
        var length = 0
        guard ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == SSH_OK, let hash else {
            throw SSHError.hostKeyCheckFailed(
                endpoint: endpoint, fingerprint: nil, knownHostsPath: knownHostsPath,
                reason: "cannot hash the server's host key")
        }
        let digest = Array(UnsafeBufferPointer(start: hash, count: length))
        var hashToFree: UnsafeMutablePointer<UInt8>? = hash
        ssh_clean_pubkey_hash(&hashToFree)
        let keyType = ssh_key_type_to_char(ssh_key_type(key)).map { String(cString: $0) } ?? "unknown-key-type"
        return SSHHostKeyFingerprint(keyType: keyType, sha256Digest: digest)
    }
}
