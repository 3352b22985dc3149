import CLibSSH

/// Process-wide facts about the libssh this binary runs against.
///
/// libssh 0.10 initialises itself from a library constructor and is safe to use from many
/// threads as long as each `ssh_session` stays on one thread. `ssh_init()` is reference
/// counted, so calling it once more here is harmless; doing it through a `static let`
/// makes the call happen exactly once (Swift runs static initialisers under `swift_once`)
/// before the first session is created, even if several threads race to create one.
/// `ssh_finalize()` is never called: sessions may live until the process exits.
public enum SSHLibrary {
    /// The libssh version this binary runs against, e.g. "0.10.6".
    public static var version: String {
        guard let cString = ssh_version(0) else { return "unknown" }
        return String(cString: cString)
    }

    private static let initializationResult: Int32 = ssh_init()

    /// Makes sure `ssh_init()` ran; returns false if libssh could not initialise its crypto.
    @discardableResult
    static func ensureInitialized() -> Bool {
        initializationResult == SSH_OK
    }
}
