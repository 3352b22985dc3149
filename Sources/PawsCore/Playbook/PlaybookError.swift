/// A playbook that cannot be used, with the file, line and field at fault.
public enum PlaybookError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidYAML(path: String, line: Int?, reason: String)
    /// `field` is a path such as `rules[2].when.all[0].live`.
    case schema(path: String, line: Int, field: String, problem: String)
    case duplicateRuleID(path: String, line: Int, id: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read playbook: \(reason)"
        case .invalidYAML(let path, let line, let reason):
            return "\(path)\(line.map { ":\($0)" } ?? ""): not valid YAML: \(reason)"
        case .schema(let path, let line, let field, let problem):
            return "\(path):\(line): \(field): \(problem) (see playbooks/README.md for the playbook schema)"
        case .duplicateRuleID(let path, let line, let id):
            return "\(path):\(line): rule id '\(id)' is used twice; rule ids must be unique in a playbook"
        }
    }
}
