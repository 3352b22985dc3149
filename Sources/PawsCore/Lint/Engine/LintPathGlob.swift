/// One exclude pattern, with `.gitignore` semantics for the parts people rely on:
///
/// - `*` and `?` match within one path segment, `[abc]`/`[a-z]`/`[!a]` a set, `\x` a literal;
/// - `**` matches any number of whole segments: `**/fixtures`, `tests/**`, `a/**/b`;
/// - a pattern without `/` matches a file or directory name at any depth (`*.pem`, `fixtures`);
/// - a pattern with `/` is anchored at the root (a leading `/` only says so explicitly);
/// - a trailing `/` matches directories only;
/// - a pattern that matches a directory excludes everything below it.
public struct LintPathGlob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]
    private let anchored: Bool
    private let directoryOnly: Bool

    public init?(_ pattern: String) {
        var text = pattern.trimmingSurroundingBlanks()
        guard !text.isEmpty else { return nil }
        self.pattern = text
        directoryOnly = text.hasSuffix("/")
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasPrefix("./") { text.removeFirst(2) }
        anchored = text.contains("/")
        while text.hasPrefix("/") { text.removeFirst() }
        guard !text.isEmpty else { return nil }
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public var description: String { pattern }

    /// Whether the pattern excludes `path` (relative, `/`-separated): the path itself or one of
    /// the directories it is in.
    public func matches(_ path: String, isDirectory: Bool = false) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        guard !parts.isEmpty else { return false }
        for length in 1...parts.count {
            let prefixIsDirectory = length < parts.count || isDirectory
            if directoryOnly && !prefixIsDirectory { continue }
            let prefix = parts[0..<length]
            if anchored {
                if Self.match(segments[...], prefix) { return true }
            } else if let last = prefix.last, Self.match(segments[...], [last][...]) {
                return true
            }
        }
        return false
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, SegmentMatcher.matches(Array(first.unicodeScalars)[...], Array(segment.unicodeScalars)[...]) else {
            return false
        }
        return match(pattern.dropFirst(), path.dropFirst())
    }
}

/// Wildcards within one path segment.
private enum SegmentMatcher {
    static func matches(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var pattern = pattern
        var name = name
        while let token = pattern.first {
            switch token {
            case "*":
                let rest = pattern.drop { $0 == "*" }
                if rest.isEmpty { return true }
                var candidate = name
                while true {
                    if matches(rest, candidate) { return true }
                    guard !candidate.isEmpty else { return false }
                    candidate = candidate.dropFirst()
                }
            case "?":
                guard !name.isEmpty else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            case "[":
                guard let character = name.first, let (matched, next) = matchSet(pattern, character) else {
                    guard name.first == "[" else { return false }
                    pattern = pattern.dropFirst()
                    name = name.dropFirst()
                    continue
                }
                guard matched else { return false }
                pattern = next
                name = name.dropFirst()
            case "\\" where pattern.count > 1:
                let literal = pattern[pattern.index(after: pattern.startIndex)]
                guard name.first == literal else { return false }
                pattern = pattern.dropFirst(2)
                name = name.dropFirst()
            default:
                guard name.first == token else { return false }
                pattern = pattern.dropFirst()
                name = name.dropFirst()
            }
        }
        return name.isEmpty
    }

    /// `[...]` at the start of `pattern`: whether `character` is in the set, and the pattern after
    /// it; nil when the bracket is not closed (then it is a literal `[`).
    private static func matchSet(_ pattern: ArraySlice<Unicode.Scalar>, _ character: Unicode.Scalar) -> (Bool, ArraySlice<Unicode.Scalar>)? {
        var index = pattern.index(after: pattern.startIndex)
        var negated = false
        if index < pattern.endIndex, pattern[index] == "!" || pattern[index] == "^" {
            negated = true
            index = pattern.index(after: index)
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let member = pattern[index]
            if member == "]", !first {
                return (matched != negated, pattern[pattern.index(after: index)...])
            }
            first = false
            let next = pattern.index(after: index)
            if next < pattern.endIndex, pattern[next] == "-", pattern.index(after: next) < pattern.endIndex,
                pattern[pattern.index(after: next)] != "]"
            {
                let upper = pattern[pattern.index(after: next)]
                if member.value <= character.value, character.value <= upper.value { matched = true }
                index = pattern.index(after: pattern.index(after: next))
            } else {
                if member == character { matched = true }
                index = next
            }
        }
        return nil
    }
}
