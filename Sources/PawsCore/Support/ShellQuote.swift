/// The one place where a value becomes part of a POSIX `sh` command line.
///
/// Every value that did not come from pawsguard's own source code (inventory values, file names,
/// remote output, keys from playbooks) goes through `quote` before it reaches a shell.
public enum ShellQuote {
    /// Single-quotes `value` so `sh` reads it back byte for byte: `it's` → `'it'\''s'`.
    public static func quote(_ value: String) -> String {
        "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Quotes each word and joins them with spaces.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
