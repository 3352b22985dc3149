import Foundation

/// POSIX shell single-quoting for the one place PawsSSH builds a command line: the ProxyCommand
/// libssh hands to `/bin/sh -c`. (PawsSSH does not depend on PawsCore, which has its own.)
enum ShellQuote {
    /// `it's` → `'it'\''s'`; safe for any byte string in sh, dash, bash and busybox.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
