import Yams

/// Sysctl keys used as YAML mapping keys or as `name:` values, wherever they are (variables,
/// Helm values, hiera, docker-compose `sysctls:`, Ansible loop items):
///
///     net.ipv4.tcp_tw_recycle: 1                  # key/value map
///     net.ipv4.tcp_tw_recycle: {value: 1}         # hiera-style
///     net: {ipv4: {tcp_tw_recycle: 1}}            # nested keys
///     - {name: net.ipv4.tcp_tw_recycle, value: 1} # name/value pair
struct YAMLKeyValueRecogniser: YAMLNodeRecogniser {
    func visit(mapping: YAMLFields, path: YAMLPath, tree: YAMLTree) {
        let watched = tree.session.watched
        for (keyNode, valueNode) in mapping.mapping {
            guard case .scalar(let keyScalar) = keyNode, watched.mentioned(in: keyScalar.string) else { continue }
            guard let key = watched.key(named: keyScalar.string) ?? nestedKey(keyScalar.string, path: path, watched: watched) else {
                continue
            }
            switch valueNode {
            case .scalar(let value):
                tree.emit(key: key, named: keyScalar, value: value, form: .keyValueMap)
            case .mapping(let innerMapping):
                let inner = YAMLFields(innerMapping)
                if inner["sysctl.present"] == nil, let value = inner.scalar(forAnyOf: ["value", "val"]) {
                    tree.emit(key: key, named: keyScalar, value: value, form: .keyValueMap)
                }
            default:
                break
            }
        }
        if let (key, name, value) = tree.nameValue(mapping) {
            tree.emit(key: key, named: name, value: value, form: .nameValuePair)
        }
    }

    /// `tcp_tw_recycle` under `net:` → `ipv4:` (or under `net.ipv4:`): the key the path spells.
    private func nestedKey(_ last: String, path: YAMLPath, watched: WatchedKeys) -> SysctlKey? {
        let keysAbove = path.components.filter { $0 != "-" }
        for start in stride(from: keysAbove.count - 1, through: max(0, keysAbove.count - 5), by: -1) {
            let spelled = (keysAbove[start...] + [last]).joined(separator: ".")
            if let key = watched.key(named: spelled) { return key }
        }
        return nil
    }
}
