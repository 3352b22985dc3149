/// POSIX shell single-quoting for the one place PawsSSH builds a command line: the ProxyCommand
/// libssh hands to `/bin/sh -c`. (PawsSSH does not depend on PawsCore, which has its own.)
enum ShellQuote {
    /// `it's` → `'it'\''s'`; safe for any string without NUL in sh, dash, bash and busybox.
    ///
    /// Works on Unicode scalars: a quote followed by a combining mark (`'\u{301}`) is one Character,
    /// and both Character splitting and Foundation's `replacingOccurrences` leave it unescaped, which
    /// ends the quoted word early and runs the rest of an inventory value as shell code.
    static func quote(_ word: String) -> String {
        var quoted = "'"
        for scalar in word.unicodeScalars {
            if scalar == "'" {
                quoted += "'\\''"
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        quoted += "'"
        return quoted
    }
}
