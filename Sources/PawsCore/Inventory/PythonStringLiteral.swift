/// Ansible passes every INI value through Python's `ast.literal_eval`, so `"quoted value"` and
/// `'quoted value'` mean the text between the quotes. Only that string case matters for a value kept
/// as text; anything else (numbers, `True`, lists) is kept exactly as written.
enum PythonStringLiteral {
    static func unquoted(_ text: String) -> String {
        // Code points, as Python reads them: a quote or backslash followed by a combining mark is
        // still a quote or a backslash.
        let scalars = text.unicodeScalars
        guard scalars.count >= 2, let quote = scalars.first, quote == "'" || quote == "\"", scalars.last == quote else {
            return text
        }
        var result = String.UnicodeScalarView()
        var characters = scalars.dropFirst().dropLast().makeIterator()
        while let character = characters.next() {
            if character == quote {
                // `'a' 'b'` or similar: not one plain literal; keep the text as Ansible's fallback does.
                return text
            }
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard let escaped = characters.next() else { return text }
            switch escaped {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "\\", "'", "\"": result.append(escaped)
            default:
                result.append("\\")
                result.append(escaped)
            }
        }
        return String(result)
    }
}
