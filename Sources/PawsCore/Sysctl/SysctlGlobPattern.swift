/// A shell wildcard pattern as `fnmatch(3)` reads it: `*`, `?`, bracket expressions
/// (`[abc]`, `[a-z]`, `[!x]` / `[^x]`) and `\` escapes. Matching works on Unicode scalars.
///
/// Both appliers expand a glob key with `glob(3)` below `/proc/sys`, which matches each path
/// component on its own; `SysctlKey.globMatches(_:)` applies this pattern per component.
public struct SysctlGlobPattern: Sendable, Hashable {
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// The characters that make procps and systemd treat a key as a pattern.
    public static func containsWildcard(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    public func matches(_ name: String) -> Bool {
        Self.match(Array(pattern.unicodeScalars)[...], Array(name.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex
        var n = name.startIndex
        // Position to resume from after the most recent `*`: classic backtracking over one star
        // is enough because a later star always subsumes the earlier one's choices.
        var starResume: (pattern: Int, name: Int)?

        while n < name.endIndex {
            if p < pattern.endIndex {
                let token = pattern[p]
                if token == "*" {
                    starResume = (p + 1, n)
                    p += 1
                    continue
                }
                if let step = singleCharacterStep(pattern, at: p, name[n]) {
                    p = step
                    n += 1
                    continue
                }
            }
            // Mismatch: let the last star swallow one more character.
            guard let resume = starResume else { return false }
            starResume = (resume.pattern, resume.name + 1)
            p = resume.pattern
            n = resume.name + 1
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// If the pattern element at `index` matches `character`, the index after that element.
    private static func singleCharacterStep(
        _ pattern: ArraySlice<Unicode.Scalar>, at index: Int, _ character: Unicode.Scalar
    ) -> Int? {
        switch pattern[index] {
        case "?":
            return index + 1
        case "[":
            guard let bracket = BracketExpression(pattern, openingAt: index) else {
                // An unterminated `[` is an ordinary character for fnmatch.
                return character == "[" ? index + 1 : nil
            }
            return bracket.matches(character) ? bracket.end : nil
        case "\\" where index + 1 < pattern.endIndex:
            return pattern[index + 1] == character ? index + 2 : nil
        default:
            return pattern[index] == character ? index + 1 : nil
        }
    }
}

/// `[...]` in a pattern: a set of characters and ranges, possibly negated with `!` or `^`.
private struct BracketExpression {
    var negated = false
    var singles: [Unicode.Scalar] = []
    var ranges: [ClosedRange<Unicode.Scalar>] = []
    /// Index just past the closing `]`.
    var end: Int

    init?(_ pattern: ArraySlice<Unicode.Scalar>, openingAt open: Int) {
        var index = open + 1
        if index < pattern.endIndex, pattern[index] == "!" || pattern[index] == "^" {
            negated = true
            index += 1
        }
        var first = true
        while index < pattern.endIndex {
            let scalar = pattern[index]
            // A `]` right after the opening (or its negation) is a member, not the end.
            if scalar == "]" && !first {
                end = index + 1
                return
            }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                let upper = pattern[index + 2]
                if scalar <= upper { ranges.append(scalar...upper) }
                index += 3
            } else {
                singles.append(scalar)
                index += 1
            }
        }
        return nil
    }

    func matches(_ character: Unicode.Scalar) -> Bool {
        let member = singles.contains(character) || ranges.contains { $0.contains(character) }
        return member != negated
    }
}
