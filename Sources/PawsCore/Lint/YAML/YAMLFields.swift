import Yams

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
