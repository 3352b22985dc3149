import Yams

/// One YAML dialect's way of setting sysctl keys (Ansible tasks, Kubernetes pods, Salt states...),
/// read from the parsed tree. The walker shows every mapping and sequence to every recogniser;
/// what one recognises first keeps its form when another sees the same key at the same place.
protocol YAMLNodeRecogniser: Sendable {
    func visit(mapping: Node.Mapping, path: YAMLPath, tree: YAMLTree)
    func visit(sequence: Node.Sequence, path: YAMLPath, tree: YAMLTree)
}

extension YAMLNodeRecogniser {
    func visit(mapping: Node.Mapping, path: YAMLPath, tree: YAMLTree) {}
    func visit(sequence: Node.Sequence, path: YAMLPath, tree: YAMLTree) {}
}

/// The mapping keys above a node; `-` for a sequence item.
struct YAMLPath: Sendable, Hashable {
    var components: [String] = []

    var last: String? { components.last }

    func appending(_ component: String) -> YAMLPath {
        YAMLPath(components: components + [component])
    }

    /// The mapping key above the nearest enclosing sequence item, if any: `sysctls` for
    /// `securityContext.sysctls[0]`.
    var keyAboveSequenceItem: String? {
        guard components.last == "-", components.count >= 2 else { return nil }
        return components[components.count - 2]
    }
}

extension Node.Mapping {
    /// The scalar stored under one of `keys` (the first that is present).
    func scalar(forAnyOf keys: [String]) -> Node.Scalar? {
        for key in keys {
            if case .scalar(let scalar)? = self[key] { return scalar }
        }
        return nil
    }
}
