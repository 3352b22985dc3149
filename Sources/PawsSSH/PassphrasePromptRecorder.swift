import CLibSSH

/// Stands in for a terminal whenever libssh wants a key passphrase: it answers "no" and remembers
/// that it was asked (and, inside `ssh_userauth_publickey_auto`, for which identity file).
///
/// Without it libssh falls back to prompting: for PEM keys it passes no callback to OpenSSL,
/// whose default callback reads the passphrase from /dev/tty.
final class PassphrasePromptRecorder {
    private(set) var wasAsked = false
    /// Identity files `publickey_auto` could not decrypt, in the order it tried them.
    private(set) var autoIdentitiesAsked: [String] = []
    /// Set while `ssh_userauth_publickey_auto` runs, to ask it which identity it is on.
    var autoSession: ssh_session?

    fileprivate func recordPrompt() {
        wasAsked = true
        guard let autoSession else { return }
        var identity: UnsafeMutablePointer<CChar>?
        if ssh_userauth_publickey_auto_get_current_identity(autoSession, &identity) == SSH_OK, let identity {
            autoIdentitiesAsked.append(String(cString: identity))
            ssh_string_free_char(identity)
        }
    }

    /// The C callback libssh calls for a passphrase; `userdata` is an unretained recorder.
    static let refusingCallback: ssh_auth_callback = { _, _, _, _, _, userdata in
        if let userdata {
            Unmanaged<PassphrasePromptRecorder>.fromOpaque(userdata).takeUnretainedValue().recordPrompt()
        }
        return -1
    }

    var unretainedPointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// The session-wide libssh callbacks: only the passphrase refusal. libssh keeps a pointer to the
/// struct, so it lives here, at a stable address, for as long as the session.
final class SessionCallbacks {
    let passphraseRecorder = PassphrasePromptRecorder()
    private let callbacks: UnsafeMutablePointer<ssh_callbacks_struct>

    init(installingOn session: ssh_session) {
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: ssh_callbacks_struct())
        // What the ssh_callbacks_init() macro does; libssh rejects a struct without its size.
        callbacks.pointee.size = MemoryLayout<ssh_callbacks_struct>.size
        callbacks.pointee.userdata = passphraseRecorder.unretainedPointer
        callbacks.pointee.auth_function = PassphrasePromptRecorder.refusingCallback
        ssh_set_callbacks(session, callbacks)
    }

    deinit {
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
    }
}
