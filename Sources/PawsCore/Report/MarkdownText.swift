/// Escaping for values placed inline in GitHub-flavoured Markdown (table cells, list items, headings).
///
/// A host name or file line must read as text: it may not open a table cell (`|`), start emphasis,
/// a link or a code span, inject raw HTML (`<script>`) or an entity (`&lt;`), or break out of the
/// line it sits on. Line breaks become spaces; ASCII punctuation that Markdown gives meaning to is
/// backslash-escaped, which CommonMark defines for every ASCII punctuation character.
enum MarkdownText {
    private static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#"]

    static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        var previousWasBreak = false
        for scalar in value.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !previousWasBreak { result += " " }
                previousWasBreak = true
                continue
            }
            previousWasBreak = false
            if scalar.properties.generalCategory == .control {
                result += scalar == "\t" ? " " : ""
            } else if special.contains(scalar) {
                result += "\\" + String(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
