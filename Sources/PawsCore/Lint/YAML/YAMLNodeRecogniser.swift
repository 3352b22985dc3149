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

/// A mapping with its scalar keys read once: every recogniser asks for a few keys of every
/// mapping, and Yams's own subscript builds and compares a node per lookup. Mappings are small, so
/// a linear scan of the key strings beats hashing them.
struct YAMLFields {
    let mapping: Node.Mapping
    private let names: [String]
    private let values: [Node]

    init(_ mapping: Node.Mapping) {
        self.mapping = mapping
        var names: [String] = []
        var values: [Node] = []
        names.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            names.append(key.scalar?.string ?? "")
            values.append(value)
        }
        self.names = names
        self.values = values
    }

    /// The value of the first pair whose key is the scalar `key`.
    subscript(key: String) -> Node? {
        names.firstIndex(of: key).map { values[$0] }
    }

    /// The scalar stored under one of `keys` (the first that is present).
    func scalar(forAnyOf keys: [String]) -> Node.Scalar? {
        for key in keys {
            if case .scalar(let scalar)? = self[key] { return scalar }
        }
        return nil
    }
}

/// The mapping keys above a node; `-` for a sequence item.
struct YAMLPath: Sendable, Hashable {
    var components: [String] = []

    var last: String? { components.last }

    /// The mapping key above the nearest enclosing sequence item, if any: `sysctls` for
    /// `securityContext.sysctls[0]`.
    var keyAboveSequenceItem: String? {
        guard components.last == "-", components.count >= 2 else { return nil }
        return components[components.count - 2]
    }
}
