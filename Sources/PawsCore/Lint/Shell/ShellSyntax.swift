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

/// `> file`, `>> file`, `<<EOF`, `<<< word`.
struct ShellRedirection {
    var op: String
    var target: ShellWord?
    /// For `<<` and `<<-`: the body, filled in when the tokenizer reaches it.
    var heredocBody: Range<Int>?

    var writesFile: Bool { [">", ">>", ">|", "&>", "&>>"].contains(op) }
    var isHeredoc: Bool { op == "<<" || op == "<<-" }
}

/// A simple command: words and redirections, up to `;`, `&&`, `||`, `|`, `&` or a newline.
struct ShellCommand {
    var words: [ShellWord] = []
    var redirections: [ShellRedirection] = []
    /// The command's output is piped into the next command.
    var pipesIntoNext = false

    var isEmpty: Bool { words.isEmpty && redirections.isEmpty }
}
