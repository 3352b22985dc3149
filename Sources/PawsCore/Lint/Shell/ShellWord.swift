/// One word of a shell command after quote removal: `"net.ipv4.tcp_tw_recycle=1"` has the value
/// `net.ipv4.tcp_tw_recycle=1`. Expansions (`$X`, `$(cmd)`) stay in the value as written.
struct ShellWord {
    var value: String
    /// Where the word is written, in the offsets of the scanned buffer.
    var raw: Range<Int>
    /// Some part of the word was quoted or escaped.
    var isQuoted: Bool
    /// The word holds `$...` or a backquote outside single quotes: its value is not literal.
    var hasExpansion: Bool
    /// Bodies of `$(...)` and `` `...` `` inside the word: shell code of their own.
    var substitutions: [Range<Int>]
}
