/// Reads inline suppressions: `# pawsguard: ignore[rule-id] reason` (also after `//`, `/*`, `;`,
/// `--`, `<!--`, `{#` or `<%#`, so every syntax's comments work), several ids separated by commas.
///
/// A suppression applies to findings on its own line, or on the next line when the comment is a
/// line of its own. For a name/value pair on two lines, the value's line counts too. A suppression
/// without a reason is honoured, with a notice asking for one.
struct LintSuppressionScanner {
    struct Comment: Hashable {
        let line: Int
        let ruleIDs: [String]
        let reason: String?
        /// The comment is the whole line, so it may apply to the next line.
        let standsAlone: Bool
    }

    private static let marker = Array("pawsguard:".utf8)
    private static let commentOpeners = ["#", "//", "/*", ";", "--", "<!--", "{#", "<%#", "*"]

    let comments: [Int: Comment]

    /// Every suppression comment of the file.
    init(source: LintSourceText) {
        var comments: [Int: Comment] = [:]
        let pattern = BytePattern(Self.marker)
        for offset in pattern.allOffsets(in: source.bytes, range: 0..<source.bytes.count) {
            let lineIndex = source.lineIndex(ofOffset: offset)
            guard comments[lineIndex + 1] == nil else { continue }
            let line = source.lineContent(index: lineIndex)
            if let comment = Self.parse(source.bytes, line: line, markerAt: offset, lineNumber: lineIndex + 1) {
                comments[lineIndex + 1] = comment
            }
        }
        self.comments = comments
    }

    /// The suppression that silences `ruleID` for a finding at `line` (value at `valueLine`).
    func suppression(of ruleID: String, line: Int, valueLine: Int?) -> Comment? {
        var lines = [line]
        if let valueLine { lines.append(valueLine) }
        for target in lines {
            if let comment = comments[target], comment.ruleIDs.contains(ruleID) { return comment }
            if let comment = comments[target - 1], comment.standsAlone, comment.ruleIDs.contains(ruleID) { return comment }
        }
        return nil
    }

    private static func parse(_ bytes: [UInt8], line: Range<Int>, markerAt offset: Int, lineNumber: Int) -> Comment? {
        let before = String(decoding: bytes[line.lowerBound..<offset], as: UTF8.self)
        guard commentOpeners.contains(where: before.contains) else { return nil }
        let after = String(decoding: bytes[(offset + marker.count)..<line.upperBound], as: UTF8.self)
        var rest = Substring(after).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("ignore") else { return nil }
        rest = rest.dropFirst("ignore".count).drop { $0 == " " || $0 == "\t" }
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
        let ids = rest[rest.index(after: rest.startIndex)..<close]
            .split(separator: ",").map { String($0).trimmingSurroundingBlanks() }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { return nil }
        var reason = String(rest[rest.index(after: close)...]).trimmingSurroundingBlanks()
        for closer in ["*/", "-->", "#}", "%>"] where reason.hasSuffix(closer) {
            reason = String(reason.dropLast(closer.count)).trimmingSurroundingBlanks()
        }
        reason = String(reason.drop { ":-–—".contains($0) || $0 == " " })
        let trimmedBefore = before.trimmingSurroundingBlanks()
        let standsAlone = commentOpeners.contains { trimmedBefore.hasPrefix($0) }
        return Comment(line: lineNumber, ruleIDs: ids, reason: reason.isEmpty ? nil : reason, standsAlone: standsAlone)
    }
}
