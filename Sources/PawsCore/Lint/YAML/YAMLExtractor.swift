import Yams

/// YAML and JSON files: Ansible playbooks, roles and variables, Kubernetes manifests, cloud-init,
/// Helm values, Salt states and pillars, docker-compose. The file is parsed (comments vanish, so
/// commented-out settings are not read), and each recogniser reads its dialect from the tree;
/// every other string is read as embedded shell code or configuration lines.
///
/// YAML that does not parse (templates, duplicate keys, tabs) is read line by line instead, with
/// a notice: a broken file must not hide a bad setting.
struct YAMLExtractor: SysctlAssignmentExtractor {
    /// Blank Jinja `{% ... %}` and `{# ... #}` first (Salt states, `*.yml.j2` templates).
    var blanksTemplateStatements = false

    /// More nodes than this (after expanding aliases) is an alias bomb or a generated file.
    static let nodeLimit = 200_000

    private static let recognisers: [any YAMLNodeRecogniser] = [
        AnsibleExtractor(), KubernetesExtractor(), SaltExtractor(), CloudInitExtractor(), YAMLKeyValueRecogniser(),
    ]

    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        var text = Array(buffer.bytes[buffer.range])
        if blanksTemplateStatements { TemplateStatements.blank(&text) }
        let roots: [Node]
        do {
            let parser = try Parser(yaml: String(decoding: text, as: UTF8.self), resolver: .basic, constructor: .default, encoding: .utf8)
            var documents: [Node] = []
            while let root = try parser.nextRoot() { documents.append(root) }
            roots = documents
        } catch {
            let (problem, line) = Self.describe(error)
            let table = LineTable(text, range: 0..<text.count)
            let localLine = table.lines.isEmpty ? 0 : min(max(0, line - 1), table.lines.count - 1)
            let offset = table.lines.isEmpty ? 0 : table.lines[localLine].lowerBound
            session.note(.brokenYAML(problem: problem), atFileOffset: session.approximateFileOffset(buffer.range.lowerBound + offset, in: buffer))
            GenericTextScanner(session: session).scan(buffer)
            return
        }
        let tree = YAMLTree(session: session, buffer: buffer, text: text)
        guard tree.prepare(roots, limit: Self.nodeLimit) else {
            session.note(.yamlTooLarge(nodes: Self.nodeLimit), atFileOffset: session.approximateFileOffset(buffer.range.lowerBound, in: buffer))
            GenericTextScanner(session: session).scan(buffer)
            return
        }
        var path = YAMLPath()
        for (index, root) in roots.enumerated() {
            let lastLine = index + 1 < roots.count ? roots[index + 1].mark?.line ?? Int.max : Int.max
            tree.walk(root, path: &path, lastLine: lastLine, recognisers: Self.recognisers)
        }
    }

    /// A one-line problem and the 1-based line of the text it is on.
    static func describe(_ error: any Error) -> (String, Int) {
        guard let yamlError = error as? YamlError else { return ("\(error)", 1) }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ("\(problem) at line \(mark.line), column \(mark.column)", mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate mapping key \(duplicates.joined(separator: ", ")) at line \(context.mark.line)", context.mark.line)
        case .reader(let problem, _, _, _):
            return (problem, 1)
        default:
            return (String(describing: yamlError).split(separator: "\n").first.map(String.init) ?? "invalid YAML", 1)
        }
    }
}
