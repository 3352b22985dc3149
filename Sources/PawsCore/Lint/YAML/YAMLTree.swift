import Yams

/// A parsed YAML file (or YAML text inside another file) while it is walked: maps node marks back
/// to the file, knows the file's literal variables, and hands found assignments to the session.
final class YAMLTree {
    let session: ExtractionSession
    /// The buffer the YAML text came from.
    let buffer: ScanBuffer
    /// Line starts of the text the parser read (the buffer's range), to turn marks into offsets.
    private let table: LineTable
    private let text: [UInt8]
    private var roots: [Node] = []
    /// `name: literal` pairs anywhere in the file, first definition first: what `{{ name }}` means.
    /// Collected the first time a template value needs it.
    private lazy var variables: [String: String] = Self.literalVariables(in: roots)

    /// Keys whose string values are not configuration: labels, conditions, patterns and messages.
    static let unscannedKeys: Set<String> = [
        "name", "regexp", "regex", "search_string", "when", "that", "failed_when", "changed_when", "until", "msg", "fail_msg",
        "success_msg", "description", "summary", "title", "comment", "comments", "note", "notes", "help", "message",
        "warn", "debug", "assert",
    ]

    /// 1-based lines of the text that mention a watched key, ascending.
    private let mentionLines: [Int]

    init(session: ExtractionSession, buffer: ScanBuffer, text: [UInt8]) {
        self.session = session
        self.buffer = buffer
        self.text = text
        let lines = LineTable(text, range: 0..<text.count)
        table = lines
        let offsets = session.watched.fragments.flatMap { $0.allOffsets(in: text, range: 0..<text.count) }
        mentionLines = Array(Set(offsets.map { lines.index(of: $0) + 1 })).sorted()
    }

    /// Whether a watched key is mentioned on a line from `first` through `last`.
    private func mentions(from first: Int, through last: Int) -> Bool {
        var low = 0
        var high = mentionLines.count
        while low < high {
            let middle = (low + high) / 2
            if mentionLines[middle] < first { low = middle + 1 } else { high = middle }
        }
        return low < mentionLines.count && mentionLines[low] <= last
    }

    // MARK: - Walking

    /// Counts nodes (aliases expanded) up to `limit`; false when the tree is larger than that (an
    /// alias bomb, or a generated file).
    func prepare(_ roots: [Node], limit: Int) -> Bool {
        self.roots = roots
        var remaining = limit
        func count(_ node: Node) -> Bool {
            remaining -= 1
            guard remaining > 0 else { return false }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { guard count(key), count(value) else { return false } }
            case .sequence(let sequence):
                for item in sequence { guard count(item) else { return false } }
            case .scalar, .alias:
                break
            }
            return true
        }
        return roots.allSatisfy(count)
    }

    private static func literalVariables(in roots: [Node]) -> [String: String] {
        var variables: [String: String] = [:]
        func collect(_ node: Node) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if case .scalar(let name) = key, case .scalar(let literal) = value, isVariableName(name.string),
                        variables[name.string] == nil, !LintValueNormaliser.isTemplated(literal.string)
                    {
                        variables[name.string] = literal.string
                    }
                    collect(value)
                }
            case .sequence(let sequence):
                sequence.forEach(collect)
            case .scalar, .alias:
                break
            }
        }
        roots.forEach(collect)
        return variables
    }

    /// Shows mappings and sequences to the recognisers and reads string scalars; `path` is the chain
    /// of keys above `node`, extended and restored on the way down. A node ends where its next
    /// sibling starts (`lastLine`); nodes whose lines mention no watched key cannot set one and are
    /// not entered, which keeps large playbooks cheap.
    func walk(_ node: Node, path: inout YAMLPath, lastLine: Int, recognisers: [any YAMLNodeRecogniser]) {
        if let first = node.mark?.line, !mentions(from: first, through: lastLine) { return }
        switch node {
        case .scalar(let scalar):
            guard !(path.last.map(Self.unscannedKeys.contains) ?? false) else { return }
            scanEmbedded(scalar, lineForm: .sysctlLine)
        case .mapping(let mapping):
            let fields = YAMLFields(mapping)
            for recogniser in recognisers { recogniser.visit(mapping: fields, path: path, tree: self) }
            let pairs = Array(mapping)
            for (index, pair) in pairs.enumerated() {
                path.components.append(pair.key.scalar?.string ?? "?")
                let end = index + 1 < pairs.count ? pairs[index + 1].key.mark?.line ?? lastLine : lastLine
                walk(pair.value, path: &path, lastLine: end, recognisers: recognisers)
                path.components.removeLast()
            }
        case .sequence(let sequence):
            for recogniser in recognisers { recogniser.visit(sequence: sequence, path: path, tree: self) }
            let items = Array(sequence)
            for (index, item) in items.enumerated() {
                path.components.append("-")
                let end = index + 1 < items.count ? items[index + 1].mark?.line ?? lastLine : lastLine
                walk(item, path: &path, lastLine: end, recognisers: recognisers)
                path.components.removeLast()
            }
        case .alias:
            break
        }
    }

    // MARK: - Helpers for recognisers

    /// The buffer offset where a node starts.
    func localOffset(_ mark: Mark?) -> Int {
        guard let mark, !table.lines.isEmpty else { return buffer.range.lowerBound }
        let line = table.lines[min(max(0, mark.line - 1), table.lines.count - 1)]
        var position = line.lowerBound
        var remaining = mark.column - 1
        while remaining > 0, position < line.upperBound {
            position += 1
            while position < line.upperBound, text[position] & 0xC0 == 0x80 { position += 1 }
            remaining -= 1
        }
        return buffer.range.lowerBound + position
    }

    /// The scalar as written, quotes included, for messages.
    func written(_ scalar: Node.Scalar) -> String {
        switch scalar.style {
        case .doubleQuoted: return "\"\(scalar.string)\""
        case .singleQuoted: return "'\(scalar.string)'"
        default: return scalar.string
        }
    }

    /// `{{ name }}` (optionally `| int`, `| string`, `| bool`) with `name` a literal variable of
    /// this file: the literal. Anything else as it is.
    func resolved(_ value: String) -> String {
        let trimmed = value.trimmingSurroundingBlanks()
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}") else { return value }
        let inner = trimmed.dropFirst(2).dropLast(2)
        let parts = inner.split(separator: "|").map { String($0).trimmingSurroundingBlanks() }
        guard let name = parts.first, Self.isVariableName(name),
            parts.dropFirst().allSatisfy({ ["int", "string", "bool"].contains($0) }),
            let literal = variables[name]
        else { return value }
        return literal
    }

    /// Records `key` named by `keyScalar` and set to `valueScalar`.
    func emit(key: SysctlKey, named keyScalar: Node.Scalar, keyText: String? = nil, value valueScalar: Node.Scalar, form: AssignmentForm) {
        let resolvedValue = resolved(valueScalar.string)
        let wasResolved = resolvedValue != valueScalar.string
        session.emit(
            key: key, keyText: keyText ?? keyScalar.string, atLocal: localOffset(keyScalar.mark), in: buffer.searching(),
            rawValue: wasResolved ? resolvedValue : written(valueScalar), form: form,
            valueAtLocal: wasResolved ? nil : localOffset(valueScalar.mark))
    }

    /// A `name: key` / `value: v` mapping (also `key:`, `sysctl_name:`...): its key and value scalars.
    func nameValue(_ mapping: YAMLFields) -> (key: SysctlKey, name: Node.Scalar, value: Node.Scalar)? {
        guard let name = mapping.scalar(forAnyOf: ["name", "key", "sysctl_name", "sysctl_key", "param"]),
            let value = mapping.scalar(forAnyOf: ["value", "val", "sysctl_value"]),
            let key = session.watched.key(named: resolved(name.string))
        else { return nil }
        return (key, name, value)
    }

    /// Reads a string scalar as embedded text (shell code or configuration lines).
    func scanEmbedded(_ scalar: Node.Scalar, lineForm: AssignmentForm) {
        guard session.watched.mentioned(in: scalar.string) else { return }
        let nested = buffer.nested(scalar.string, atLocal: localOffset(scalar.mark))
        EmbeddedTextExtractor(lineForm: lineForm).extract(from: nested, session: session)
    }

    /// A sequence of scalars as an argument vector (`[sysctl, -w, "k=1"]`); nil if any item is not a scalar.
    func argumentWords(_ nodes: [Node]) -> [ShellWord]? {
        var words: [ShellWord] = []
        for node in nodes {
            guard case .scalar(let scalar) = node else { return nil }
            let offset = localOffset(scalar.mark)
            words.append(ShellWord(value: scalar.string, raw: offset..<(offset + 1), isQuoted: true, hasExpansion: false, substitutions: []))
        }
        return words
    }

    /// Analyses an argument vector as a command.
    func analyseCommand(_ words: [ShellWord]) {
        guard words.contains(where: { session.watched.mentioned(in: $0.value) }) else { return }
        ShellScanner(session: session).analyse(arguments: words, in: buffer.searching())
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, ASCII.isLetter(first) || first == ASCII.underscore else { return false }
        return text.utf8.allSatisfy(ASCII.isIdentifier)
    }
}
