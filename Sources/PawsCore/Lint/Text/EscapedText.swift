/// Backslash escapes that `echo -e`, `printf` and dash's `echo` turn into characters.
enum EscapedText {
    /// `a\nb` → `a`, newline, `b`; `\t` → tab; `\\` → `\`. Other escapes stay as written.
    static func decodingNewlines(_ text: String) -> String {
        guard text.utf8.contains(ASCII.backslash) else { return text }
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        var position = 0
        while position < bytes.count {
            if bytes[position] == ASCII.backslash, position + 1 < bytes.count {
                switch bytes[position + 1] {
                case UInt8(ascii: "n"): output.append(ASCII.lineFeed)
                case UInt8(ascii: "t"): output.append(ASCII.tab)
                case ASCII.backslash: output.append(ASCII.backslash)
                default: output += [bytes[position], bytes[position + 1]]
                }
                position += 2
            } else {
                output.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
