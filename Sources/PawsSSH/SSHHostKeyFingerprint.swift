import Foundation

/// A server host key as OpenSSH shows it: key type and `SHA256:` fingerprint.
public struct SSHHostKeyFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The key's algorithm name, e.g. `ssh-ed25519`.
    public var keyType: String
    /// `SHA256:` followed by the unpadded base64 of the SHA-256 of the key blob, exactly as
    /// `ssh-keygen -lf` and `ssh` print it.
    public var sha256: String

    public init(keyType: String, sha256: String) {
        self.keyType = keyType
        self.sha256 = sha256
    }

    /// Builds the OpenSSH form from a raw SHA-256 digest of the public key blob.
    public init(keyType: String, sha256Digest: [UInt8]) {
        self.keyType = keyType
        self.sha256 = Self.openSSHForm(sha256Digest: sha256Digest)
    }

    /// `SHA256:` + base64 without `=` padding.
    public static func openSSHForm(sha256Digest: [UInt8]) -> String {
        var encoded = Data(sha256Digest).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "SHA256:" + encoded
    }

    public var description: String { "\(keyType) \(sha256)" }
}
