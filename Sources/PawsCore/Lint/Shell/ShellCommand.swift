/// A simple command: words and redirections, up to `;`, `&&`, `||`, `|`, `&` or a newline.
struct ShellCommand {
    var words: [ShellWord] = []
    var redirections: [ShellRedirection] = []
    /// The command's output is piped into the next command.
    var pipesIntoNext = false

    var isEmpty: Bool { words.isEmpty && redirections.isEmpty }
}
