import Yams

/// One YAML dialect's way of setting sysctl keys (Ansible tasks, Kubernetes pods, Salt states...),
/// read from the parsed tree. The walker shows every mapping and sequence to every recogniser;
/// what one recognises first keeps its form when another sees the same key at the same place.
protocol YAMLNodeRecogniser: Sendable {
    func visit(mapping: YAMLFields, path: YAMLPath, tree: YAMLTree)
    func visit(sequence: Node.Sequence, path: YAMLPath, tree: YAMLTree)
}

extension YAMLNodeRecogniser {
    func visit(mapping: YAMLFields, path: YAMLPath, tree: YAMLTree) {}
    func visit(sequence: Node.Sequence, path: YAMLPath, tree: YAMLTree) {}
}
