/// Why a `--limit` (or play `hosts:`) selection cannot be used.
public enum HostSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The selection has no pattern at all.
    case empty
    /// A `!` or `&` with nothing after it.
    case missingPattern(selection: String, operator: String)
    case invalidRegex(pattern: String, problem: String)
    /// Patterns that match neither a host nor a group: usually a typo, so nothing runs.
    case unmatched(patterns: [String], knownGroups: [String])

    public var description: String {
        switch self {
        case .empty:
            return "--limit is empty; give host names, group names or patterns such as 'mysql,k8s_nodes'"
        case .missingPattern(let selection, let op):
            return "--limit \(InventoryText.quoted(selection)) has '\(op)' with no pattern after it"
        case .invalidRegex(let pattern, let problem):
            return "--limit pattern \(InventoryText.quoted(pattern)) is not a valid regular expression: \(problem)"
        case .unmatched(let patterns, let knownGroups):
            let subject = patterns.count == 1
                ? "--limit \(InventoryText.quoted(patterns[0])) matches"
                : "--limit patterns \(InventoryText.quotedList(patterns)) match"
            return "\(subject) no host or group; groups in the inventory: \(knownGroups.joined(separator: ", "))"
        }
    }
}
