/// Renders inventory-supplied text inside messages so that control characters stay visible and a
/// crafted value cannot forge extra lines in a report.
enum InventoryText {
    static func quoted(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case "'": result += "\\'"
            case "\\": result += "\\\\"
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                    || scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }

    static func quotedList(_ texts: [String]) -> String {
        texts.map(quoted).joined(separator: ", ")
    }

    /// Why `text` cannot be a host name, user name or path, or nil when it can. Odd characters (spaces,
    /// quotes, `$(...)`, `;`) are kept as data for later layers to quote; only characters that would
    /// split a command line or a C string are refused.
    static func lineBreakingCharacterProblem(in text: String) -> String? {
        if text.unicodeScalars.contains("\0") { return "it contains a NUL character" }
        if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            return "it contains a line break"
        }
        return nil
    }
}
