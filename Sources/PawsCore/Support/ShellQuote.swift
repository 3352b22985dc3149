/// The one place where a value becomes part of a POSIX `sh` command line.
///
/// Every value that did not come from pawsguard's own source code (inventory values, file names,
/// remote output, keys from playbooks) goes through `quote` before it reaches a shell.
public enum ShellQuote {
    /// Single-quotes `value` so `sh` reads it back byte for byte: `it's` → `'it'\''s'`.
    ///
    /// Works on Unicode scalars, not Characters: a quote followed by a combining mark (`'\u{301}`)
    /// is one Character that is not equal to `'`, and would slip through a Character split unescaped,
    /// ending the quoted word early and letting the rest of the value run as shell code.
    /// A NUL cannot travel through `sh` at all (it ends a command line, and shells drop it from
    /// scripts), so a value containing one must be refused before it gets here.
    public static func quote(_ value: String) -> String {
        var quoted = "'"
        for scalar in value.unicodeScalars {
            if scalar == "'" {
                quoted += "'\\''"
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        quoted += "'"
        return quoted
    }

    /// Quotes each word and joins them with spaces.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
