/// Changes lines of a configuration file in place: only the bytes of the changed lines' content
/// move; every other byte (comments, order, spacing, other keys, CRLF terminators, a missing final
/// newline, non-UTF-8 bytes) stays exactly as it was.
public enum SysctlLineEditor {
    /// One replacement of a byte range by new bytes.
    public struct Replacement: Sendable, Hashable {
        public var range: Range<Int>
        public var bytes: [UInt8]

        public init(range: Range<Int>, bytes: [UInt8]) {
            self.range = range
            self.bytes = bytes
        }
    }

    /// Puts `marker` in front of the line: the line becomes a comment for both appliers, and the
    /// original text stays readable after the marker.
    public static func commentOut(_ entry: SysctlEntry, marker: String) -> Replacement {
        Replacement(range: entry.span.content.lowerBound..<entry.span.content.lowerBound, bytes: Array(marker.utf8))
    }

    /// Replaces the value bytes of `entry` with `value`.
    public static func rewriteValue(_ entry: SysctlEntry, to value: String) -> Replacement? {
        guard let range = entry.valueRange else { return nil }
        return Replacement(range: range, bytes: Array(value.utf8))
    }

    /// Applies non-overlapping replacements; later ones first so earlier offsets stay valid.
    public static func apply(_ replacements: [Replacement], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let lower = max(0, min(replacement.range.lowerBound, result.count))
            let upper = max(lower, min(replacement.range.upperBound, result.count))
            result.replaceSubrange(lower..<upper, with: replacement.bytes)
        }
        return result
    }
}
