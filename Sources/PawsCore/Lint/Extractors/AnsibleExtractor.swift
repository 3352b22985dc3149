import Yams

/// Ansible tasks: the `sysctl` module under any of its names, in YAML or free-form arguments
/// (`sysctl: name=net.ipv4.tcp_tw_recycle value=1`), with `{{ var }}` values resolved from literal
/// variables of the same file; and `lineinfile`/`blockinfile` lines written to a sysctl file.
/// Loop items (`loop: [{name: ..., value: ...}]`) and variable maps are name/value pairs and
/// key/value maps that `YAMLKeyValueRecogniser` reads where the literal value is written.
struct AnsibleExtractor: YAMLNodeRecogniser {
    static let sysctlModules = ["sysctl", "ansible.posix.sysctl", "ansible.builtin.sysctl", "community.general.sysctl"]
    static let lineModules = ["lineinfile", "ansible.builtin.lineinfile", "blockinfile", "ansible.builtin.blockinfile"]

    func visit(mapping: YAMLFields, path: YAMLPath, tree: YAMLTree) {
        for module in Self.sysctlModules {
            guard let arguments = mapping[module] else { continue }
            switch arguments {
            case .mapping(let options):
                moduleOptions(YAMLFields(options), tree: tree)
            case .scalar(let freeForm) where !freeForm.string.isEmpty:
                freeFormArguments(freeForm, tree: tree)
            default:
                if case .mapping(let options)? = mapping["args"] { moduleOptions(YAMLFields(options), tree: tree) }
            }
        }
        for module in Self.lineModules {
            guard case .mapping(let options)? = mapping[module] else { continue }
            for field in ["line", "block"] {
                if case .scalar(let text)? = options[field] { tree.scanEmbedded(text, lineForm: .writtenLine) }
            }
        }
    }

    private func moduleOptions(_ options: YAMLFields, tree: YAMLTree) {
        guard let (key, name, value) = tree.nameValue(options) else { return }
        tree.emit(key: key, named: name, value: value, form: .ansibleModule)
    }

    /// `name=net.ipv4.tcp_tw_recycle value=1 state=present`.
    private func freeFormArguments(_ scalar: Node.Scalar, tree: YAMLTree) {
        var fields: [String: String] = [:]
        for word in ShellTokenizer(bytes: Array(scalar.string.utf8), range: 0..<scalar.string.utf8.count).commands().flatMap(\.words) {
            guard let equals = word.value.firstIndex(of: "=") else { continue }
            fields[String(word.value[..<equals])] = String(word.value[word.value.index(after: equals)...])
        }
        guard let name = fields["name"] ?? fields["key"], let value = fields["value"] ?? fields["val"],
            let key = tree.session.watched.key(named: tree.resolved(name))
        else { return }
        let resolvedValue = tree.resolved(value)
        tree.session.emit(
            key: key, keyText: name, atLocal: tree.localOffset(scalar.mark), in: tree.buffer.searching(), rawValue: resolvedValue,
            form: .ansibleModule)
    }
}
