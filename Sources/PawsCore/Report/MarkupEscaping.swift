/// Escaping for HTML and XML (JUnit) output, where every value from a host is untrusted.
///
/// Characters that XML 1.0 forbids (C0 controls other than tab, newline and carriage return, and
/// U+FFFE/U+FFFF) are dropped: an XML parser rejects the whole file for one of them, and they carry
/// no meaning in a report. Browsers get the same treatment for consistency.
enum MarkupEscaping {
    /// For element content: `&`, `<`, `>` become entities.
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// For attribute values in double or single quotes; line breaks and tabs are kept as character
    /// references because parsers normalise literal ones to spaces.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowedInXML(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&#39;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where inAttribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
