import Yams

/// Salt states: `sysctl.present` (and the older `sysctl: [present, ...]`), whose arguments are a
/// list of one-key mappings; the key is the `name` argument or, without one, the state id.
///
///     net.ipv4.tcp_tw_recycle:
///       sysctl.present:
///         - value: 1
struct SaltExtractor: YAMLNodeRecogniser {
    func visit(mapping: YAMLFields, path: YAMLPath, tree: YAMLTree) {
        for (stateID, body) in mapping.mapping {
            guard case .scalar(let id) = stateID, case .mapping(let stateMapping) = body else { continue }
            let state = YAMLFields(stateMapping)
            var arguments: Node.Sequence?
            if case .sequence(let list)? = state["sysctl.present"] {
                arguments = list
            } else if case .sequence(let list)? = state["sysctl"], list.contains(where: { $0.scalar?.string == "present" }) {
                arguments = list
            }
            guard let arguments else { continue }
            var name: Node.Scalar?
            var value: Node.Scalar?
            for argument in arguments {
                guard case .mapping(let pairMapping) = argument else { continue }
                let pair = YAMLFields(pairMapping)
                name = name ?? pair.scalar(forAnyOf: ["name"])
                value = value ?? pair.scalar(forAnyOf: ["value"])
            }
            let keyScalar = name ?? id
            guard let value, let key = tree.session.watched.key(named: tree.resolved(keyScalar.string)) else { continue }
            tree.emit(key: key, named: keyScalar, value: value, form: .saltState)
        }
    }
}
