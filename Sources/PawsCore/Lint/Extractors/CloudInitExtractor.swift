import Yams

/// cloud-init user data (`#cloud-config`): `runcmd` and `bootcmd` entries written as argument
/// lists (`- [sysctl, -w, net.ipv4.tcp_tw_recycle=1]`). String entries and `write_files` contents
/// are read by the tree walker as embedded shell code and configuration lines.
struct CloudInitExtractor: YAMLNodeRecogniser {
    private static let commandLists: Set<String> = ["runcmd", "bootcmd"]

    func visit(sequence: Node.Sequence, path: YAMLPath, tree: YAMLTree) {
        guard let last = path.last, Self.commandLists.contains(last) else { return }
        for item in sequence {
            guard case .sequence(let arguments) = item, let words = tree.argumentWords(Array(arguments)) else { continue }
            tree.analyseCommand(words)
        }
    }
}
