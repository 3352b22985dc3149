import Yams

/// Kubernetes workloads: `securityContext.sysctls` entries, and the `command` plus `args` of
/// (init) containers read as one argument vector (`["sysctl", "-w", "..."]`, `["sh", "-c", "..."]`).
struct KubernetesExtractor: YAMLNodeRecogniser {
    func visit(mapping: YAMLFields, path: YAMLPath, tree: YAMLTree) {
        if path.keyAboveSequenceItem == "sysctls", let (key, name, value) = tree.nameValue(mapping) {
            tree.emit(key: key, named: name, value: value, form: .kubernetesSysctl)
        }
        var argv: [Node] = []
        for field in ["command", "args"] {
            if case .sequence(let items)? = mapping[field] { argv += Array(items) }
        }
        if !argv.isEmpty, let words = tree.argumentWords(argv) {
            tree.analyseCommand(words)
        }
    }
}
