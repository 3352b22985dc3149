/// `> file`, `>> file`, `<<EOF`, `<<< word`.
struct ShellRedirection {
    var op: String
    var target: ShellWord?
    /// For `<<` and `<<-`: the body, filled in when the tokenizer reaches it.
    var heredocBody: Range<Int>?

    var writesFile: Bool { [">", ">>", ">|", "&>", "&>>"].contains(op) }
    var isHeredoc: Bool { op == "<<" || op == "<<-" }
}
