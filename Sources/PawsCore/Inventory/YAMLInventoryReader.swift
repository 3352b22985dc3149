import Foundation
import Yams

/// Reads Ansible's YAML inventory format into a draft:
///
/// ```yaml
/// all:
///   vars: {ansible_user: ops}
///   children:
///     mysql:
///       hosts:
///         mysql-b: {ansible_host: 192.0.2.250, nat_clients: true}
/// ```
///
/// Follows Ansible's `yaml` plugin (a section may be a single string: `hosts: web1`; `<<` merge keys
/// work) but, where Ansible only warns and skips, fails: a group or `hosts:` written as a list, or an
/// unknown key in a group (a typo such as `host:` would otherwise silently lose hosts).
/// Errors carry the line and column from Yams' node marks.
struct YAMLInventoryReader {
    typealias Entry = (key: Node, value: Node)

    let path: String

    func read(_ text: String) throws(InventoryError) -> InventoryDraft {
        var draft = InventoryDraft(path: path)
        guard let root = try compose(text) else { return draft }
        guard case .mapping = root else {
            throw .yamlUnexpectedType(
                location(of: root), subject: "the top level", found: Self.kind(of: root),
                expected: "a mapping of group names, usually starting with 'all:'")
        }
        for entry in try entries(of: root) {
            let name = try keyText(entry.key)
            try readGroup(name, entry.value, parent: nil, at: location(of: entry.key), into: &draft)
        }
        return draft
    }

    /// Whether `text` is a YAML inventory rather than INI: a mapping with `all`, or with a group
    /// holding `hosts`, `children` or `vars`.
    static func looksLikeInventory(_ text: String) -> Bool {
        guard let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root else { return false }
        if mapping["all"] != nil { return true }
        return mapping.values.contains { group in
            guard case .mapping(let sections) = group else { return false }
            return sections.keys.contains { ["hosts", "children", "vars"].contains($0.scalar?.string ?? "") }
        }
    }

    // MARK: - Groups, hosts, vars

    private func readGroup(
        _ name: String, _ node: Node, parent: String?, at location: SourceLocation, into draft: inout InventoryDraft
    ) throws(InventoryError) {
        try draft.defineGroup(name, at: location)
        if let parent {
            try draft.addChild(name, to: parent, at: location)
        }
        if Self.isNull(node) { return }
        guard case .mapping = node else {
            throw .yamlUnexpectedType(
                self.location(of: node), subject: "group \(InventoryText.quoted(name))", found: Self.kind(of: node),
                expected: "a mapping with 'hosts', 'children' and/or 'vars', or nothing")
        }
        for entry in try entries(of: node) {
            let section = try keyText(entry.key)
            switch section {
            case "hosts":
                try readHosts(entry.value, group: name, into: &draft)
            case "children":
                for child in try sectionEntries(entry.value, section: section, group: name) {
                    try readGroup(
                        try keyText(child.key), child.value, parent: name, at: self.location(of: child.key),
                        into: &draft)
                }
            case "vars":
                for variable in try sectionEntries(entry.value, section: section, group: name) {
                    try draft.setGroupVariable(
                        try keyText(variable.key), to: Self.variableText(variable.value), in: name,
                        at: self.location(of: variable.key))
                }
            default:
                throw .yamlUnexpectedKey(self.location(of: entry.key), group: name, key: section)
            }
        }
    }

    private func readHosts(_ node: Node, group: String, into draft: inout InventoryDraft) throws(InventoryError) {
        for entry in try sectionEntries(node, section: "hosts", group: group) {
            let pattern = try keyText(entry.key)
            let hostLocation = location(of: entry.key)
            let declaration = try HostPatternParser.parse(pattern, at: hostLocation)
            var variables: [(name: String, value: String, location: SourceLocation)] = []
            if let port = declaration.port {
                variables.append((KnownVariables.port[0], port, hostLocation))
            }
            if !Self.isNull(entry.value) {
                guard case .mapping = entry.value else {
                    throw .yamlUnexpectedType(
                        location(of: entry.value), subject: "the variables of host \(InventoryText.quoted(pattern))",
                        found: Self.kind(of: entry.value), expected: "a mapping of variable names to values, or nothing")
                }
                for variable in try entries(of: entry.value) {
                    variables.append((
                        try keyText(variable.key), Self.variableText(variable.value), location(of: variable.key)))
                }
            }
            for name in declaration.names {
                try draft.declareHost(name, in: group, at: hostLocation)
                for variable in variables {
                    try draft.setHostVariable(variable.name, to: variable.value, on: name, at: variable.location)
                }
            }
        }
    }

    /// The entries of a `hosts`, `children` or `vars` section; a single string means one entry
    /// without a value, as in Ansible.
    private func sectionEntries(_ node: Node, section: String, group: String) throws(InventoryError) -> [Entry] {
        switch node {
        case .mapping:
            return try entries(of: node)
        case .scalar where Self.isNull(node):
            return []
        case .scalar where section != "vars":
            return [(node, Node("", Tag(.null)))]
        default:
            let hint = section == "vars" ? "" : " (write each name as 'name:' on its own line)"
            throw .yamlUnexpectedType(
                location(of: node), subject: "'\(section)' of group \(InventoryText.quoted(group))",
                found: Self.kind(of: node), expected: "a mapping\(hint)")
        }
    }

    /// Mapping entries in file order with `<<` merge keys applied (explicit keys win, then earlier merges).
    private func entries(of node: Node) throws(InventoryError) -> [Entry] {
        guard case .mapping(let mapping) = node else { return [] }
        var explicit: [Entry] = []
        var merged: [Entry] = []
        for (key, value) in mapping {
            guard key.tag.rawValue == Tag.Name.merge.rawValue else {
                explicit.append((key, value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let sequence): sources = Array(sequence)
            default: sources = [value]
            }
            for source in sources {
                guard case .mapping = source else {
                    throw .yamlUnexpectedType(
                        location(of: source), subject: "a '<<' merge value", found: Self.kind(of: source),
                        expected: "a mapping or a list of mappings")
                }
                merged += try entries(of: source)
            }
        }
        var seen = Set(explicit.compactMap { $0.key.scalar?.string })
        for entry in merged where seen.insert(entry.key.scalar?.string ?? "").inserted {
            explicit.append(entry)
        }
        return explicit
    }

    private func keyText(_ node: Node) throws(InventoryError) -> String {
        guard case .scalar(let scalar) = node else {
            throw .yamlUnexpectedType(
                location(of: node), subject: "a key", found: Self.kind(of: node), expected: "a plain name")
        }
        return scalar.string
    }

    /// A variable's value as text: scalars as written (`yes` stays `yes`), null as empty,
    /// lists and mappings in flow style (`[a, b]`, `{k: v}`).
    static func variableText(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return isNull(node) ? "" : scalar.string
        case .sequence(let sequence):
            return "[" + sequence.map(variableText).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { "\(variableText($0.key)): \(variableText($0.value))" }.joined(separator: ", ") + "}"
        case .alias(let alias):
            return "*\(alias.anchor.rawValue)"
        }
    }

    private static func isNull(_ node: Node) -> Bool {
        guard case .scalar = node else { return false }
        return node.tag.rawValue == Tag.Name.null.rawValue
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return isNull(node) ? "empty" : "a single value (\(InventoryText.quoted(variableText(node))))"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    private func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: 1) }
        return SourceLocation(path: path, line: mark.line, column: mark.column)
    }

    private func location(of mark: Mark) -> SourceLocation {
        SourceLocation(path: path, line: mark.line, column: mark.column)
    }

    // MARK: - Yams errors

    private func compose(_ text: String) throws(InventoryError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw inventoryError(from: error, text: text)
        } catch {
            throw .yamlSyntax(SourceLocation(path: path, line: 1), problem: String(describing: error))
        }
    }

    private func inventoryError(from error: YamlError, text: String) -> InventoryError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if let context {
                message += " (\(context.text) at line \(context.mark.line))"
            }
            return .yamlSyntax(location(of: mark), problem: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyError(keys: duplicates, firstMark: context.mark, text: text)
        case .reader(let problem, let offset, _, _):
            let line = offset.map { text.utf8.prefix($0).filter { $0 == UInt8(ascii: "\n") }.count + 1 } ?? 1
            return .yamlSyntax(SourceLocation(path: path, line: line), problem: problem)
        default:
            return .yamlSyntax(SourceLocation(path: path, line: 1), problem: String(describing: error))
        }
    }

    /// Yams marks the first occurrence of a duplicated key; the line to fix is the repeat, found as
    /// the next line starting with the same key at the same column (block style). Falls back to the
    /// first occurrence for flow style.
    private func duplicateKeyError(keys: [String], firstMark: Mark, text: String) -> InventoryError {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        let indent = firstMark.column - 1
        if let key = keys.first, firstMark.line < lines.count {
            for lineIndex in firstMark.line..<lines.count {
                let line = lines[lineIndex]
                guard line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
                let rest = line.dropFirst(indent)
                let candidates = [key + ":", "\"\(key)\":", "'\(key)':"]
                if candidates.contains(where: { rest.hasPrefix($0) }) {
                    return .duplicateKey(
                        SourceLocation(path: path, line: lineIndex + 1, column: firstMark.column), keys: keys,
                        context: "in one YAML mapping (first at line \(firstMark.line))")
                }
            }
        }
        return .duplicateKey(location(of: firstMark), keys: keys, context: "in one YAML mapping")
    }
}
