import Yams

/// A YAML node with the path and line needed to report a schema error precisely.
struct YAMLField {
    let node: Node
    let path: String
    let source: String

    var line: Int { node.mark?.line ?? 1 }

    func problem(_ text: String) -> PlaybookError {
        .schema(path: source, line: line, field: path, problem: text)
    }

    var isList: Bool {
        if case .sequence = node { return true }
        return false
    }

    func mapping(allowed: [String]) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else { throw problem("expected a mapping (key: value lines)") }
        var entries: [(String, YAMLField)] = []
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.string else { throw problem("mapping keys must be strings") }
            let child = YAMLField(node: valueNode, path: "\(path).\(name)", source: source)
            guard allowed.contains(name) else {
                throw PlaybookError.schema(
                    path: source, line: keyNode.mark?.line ?? line, field: "\(path).\(name)",
                    problem: "unknown field; expected one of \(allowed.joined(separator: ", "))")
            }
            if entries.contains(where: { $0.0 == name }) {
                throw PlaybookError.schema(path: source, line: keyNode.mark?.line ?? line, field: "\(path).\(name)", problem: "field given twice")
            }
            entries.append((name, child))
        }
        return YAMLMapping(field: self, entries: entries)
    }

    /// Free-form `key: value` pairs (for `fix:`), keys checked by the caller.
    func pairs() throws -> [(YAMLField, YAMLField)] {
        guard case .mapping(let mapping) = node else { throw problem("expected a mapping (key: value lines)") }
        return mapping.map { keyNode, valueNode in
            let name = keyNode.string ?? "?"
            return (YAMLField(node: keyNode, path: "\(path).\(name)", source: source),
                    YAMLField(node: valueNode, path: "\(path).\(name)", source: source))
        }
    }

    func list() throws -> [YAMLField] {
        guard case .sequence(let sequence) = node else { throw problem("expected a list (- item lines)") }
        return sequence.enumerated().map { YAMLField(node: $1, path: "\(path)[\($0)]", source: source) }
    }

    func scalar() throws -> String {
        guard case .scalar(let scalar) = node else { throw problem("expected a single value, not a list or mapping") }
        return scalar.string
    }

    func integer() throws -> Int {
        guard let value = Int(try scalar()) else { throw problem("expected a whole number") }
        return value
    }

    func unsigned() throws -> UInt64 {
        guard let value = UInt64(try scalar()) else { throw problem("expected a whole number ≥ 0") }
        return value
    }

    func isTrue() throws -> Bool {
        switch try scalar().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw problem("expected true or false")
        }
    }

    /// Lower-case letters, digits, `-` and `_`: rule and playbook ids, counter names (`PAWSPassive`).
    func identifier() throws -> String {
        let text = try scalar()
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "_"
        }) else {
            throw problem("'\(text)' is not a valid identifier (letters, digits, - and _)")
        }
        return text
    }

    /// A dotted sysctl key; `/` separators are accepted and turned into dots.
    func sysctlKey() throws -> String {
        let text = try scalar()
        let dotted = text.contains("/") && !text.contains(".")
            ? text.split(separator: "/", omittingEmptySubsequences: false).joined(separator: ".") : text
        guard ProbeScript.validate(key: dotted) else {
            throw problem("'\(text)' is not a sysctl key such as net.ipv4.tcp_tw_recycle")
        }
        return dotted
    }

    /// `4.12`, `4.10.0`: a kernel version to compare against.
    func kernelVersionText() throws -> String {
        let text = try scalar()
        let parts = text.split(separator: ".")
        guard (2...3).contains(parts.count), parts.allSatisfy({ Int($0) != nil }) else {
            throw problem("'\(text)' is not a kernel version such as 4.12")
        }
        return text
    }
}

struct YAMLMapping {
    let field: YAMLField
    let entries: [(String, YAMLField)]

    func has(_ name: String) -> Bool { entries.contains { $0.0 == name } }

    func optional(_ name: String) throws -> YAMLField? {
        entries.first { $0.0 == name }?.1
    }

    func required(_ name: String) throws -> YAMLField {
        guard let value = try optional(name) else { throw field.problem("missing required field '\(name)'") }
        return value
    }
}
