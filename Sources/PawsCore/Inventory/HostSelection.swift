import Foundation

/// A host selection in Ansible's pattern syntax, as given to `--limit`.
///
/// Patterns are separated by `,` (or `:` when there is no comma; colons inside `[...]` and IPv6
/// addresses are kept). Each is a host name, a group name, `all`, an fnmatch glob (`db*`,
/// `web[0-9]*`) or `~regex` (matched from the start of the name), optionally with a subscript
/// (`web[0]`, `web[-1]`, `web[0:2]` inclusive). `&pattern` intersects and `!pattern` excludes.
/// As in Ansible, unions apply first, then intersections, then exclusions, whatever the order
/// written; a selection made only of `&`/`!` patterns starts from `all`.
public struct HostSelection: Sendable, Hashable, CustomStringConvertible {
    public enum Operation: Sendable, Hashable {
        case union
        case intersection
        case exclusion
    }

    public struct Term: Sendable, Hashable {
        public var operation: Operation
        /// The pattern without its `&`/`!` prefix.
        public var pattern: String
    }

    /// The selection as written.
    public let text: String
    /// Terms in evaluation order: unions, then intersections, then exclusions.
    public let terms: [Term]

    public static let all = HostSelection(text: "all", terms: [Term(operation: .union, pattern: "all")])

    private init(text: String, terms: [Term]) {
        self.text = text
        self.terms = terms
    }

    public init(patterns text: String) throws(HostSelectionError) {
        var unions: [Term] = []
        var intersections: [Term] = []
        var exclusions: [Term] = []
        for piece in HostSelection.split(text) {
            var pattern = Substring(piece)
            var operation = Operation.union
            if let first = pattern.first, first == "&" || first == "!" {
                operation = first == "&" ? .intersection : .exclusion
                pattern = pattern.dropFirst()
                guard !pattern.isEmpty else {
                    throw .missingPattern(selection: text, operator: String(first))
                }
            }
            if pattern.hasPrefix("~") {
                try HostSelection.validateRegex(String(pattern.dropFirst()), written: String(pattern))
            }
            let term = Term(operation: operation, pattern: String(pattern))
            switch operation {
            case .union: unions.append(term)
            case .intersection: intersections.append(term)
            case .exclusion: exclusions.append(term)
            }
        }
        guard !(unions.isEmpty && intersections.isEmpty && exclusions.isEmpty) else { throw .empty }
        if unions.isEmpty {
            unions = [Term(operation: .union, pattern: "all")]
        }
        self.init(text: text, terms: unions + intersections + exclusions)
    }

    public var description: String { text }

    /// Ansible's `split_host_pattern`: commas if any, else colons outside brackets, unless the
    /// whole text is one IPv6 address.
    static func split(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var pieces: [String] = []
        if trimmed.contains(",") {
            pieces = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        } else if IPAddress(trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "!&")))?.family == .ipv6 {
            pieces = [trimmed]
        } else {
            var current = ""
            var depth = 0
            for character in trimmed {
                switch character {
                case "[": depth += 1
                case "]": depth = max(depth - 1, 0)
                case ":" where depth == 0:
                    pieces.append(current)
                    current = ""
                    continue
                default: break
                }
                current.append(character)
            }
            pieces.append(current)
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func validateRegex(_ source: String, written: String) throws(HostSelectionError) {
        do {
            _ = try Regex(source)
        } catch {
            throw .invalidRegex(pattern: written, problem: String(describing: error))
        }
    }
}
