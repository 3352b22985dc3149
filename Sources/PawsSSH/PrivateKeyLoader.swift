import CLibSSH
import Foundation

/// Reads a private key file without ever prompting, telling apart the reasons it can fail.
enum PrivateKeyLoader {
    enum Outcome {
        /// The caller owns the key and frees it with `ssh_key_free`.
        case loaded(ssh_key)
        case encryptedWithoutPassphrase
        case passphraseRejected
        case unreadable(reason: String)
    }

    static func load(path: String, passphrase: String?) -> Outcome {
        if let reason = unreadableReason(path) {
            return .unreadable(reason: reason)
        }
        // First without a passphrase: whether libssh asks tells us if the key is encrypted, so a
        // wrong passphrase is not mistaken for a corrupt file.
        let recorder = PassphrasePromptRecorder()
        var key: ssh_key?
        let result = withExtendedLifetime(recorder) {
            ssh_pki_import_privkey_file(
                path, nil, PassphrasePromptRecorder.refusingCallback, recorder.unretainedPointer, &key)
        }
        if result == SSH_OK, let key {
            return .loaded(key)
        }
        guard recorder.wasAsked else {
            return .unreadable(reason: "not a private key libssh 0.10 can read (OpenSSH, PEM or PKCS#8 format)")
        }
        guard let passphrase else {
            return .encryptedWithoutPassphrase
        }
        var decrypted: ssh_key?
        let retry = withExtendedLifetime(recorder) {
            ssh_pki_import_privkey_file(
                path, passphrase, PassphrasePromptRecorder.refusingCallback, recorder.unretainedPointer, &decrypted)
        }
        if retry == SSH_OK, let decrypted {
            return .loaded(decrypted)
        }
        return .passphraseRejected
    }

    private static func unreadableReason(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "no such file"
        }
        if isDirectory.boolValue { return "it is a directory" }
        if access(path, R_OK) != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}
