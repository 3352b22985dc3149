/// A JSON array of strings (`["a", "b\"c"]`) with where each string is written.
enum JSONStringList {
    static func parse(_ bytes: [UInt8], from start: Int, before end: Int) -> [(value: String, raw: Range<Int>)]? {
        guard start < end, bytes[start] == ASCII.openBracket else { return nil }
        var strings: [(value: String, raw: Range<Int>)] = []
        var position = start + 1
        while position < end {
            let character = bytes[position]
            if character == ASCII.closeBracket { return strings }
            if ASCII.isSpace(character) || character == ASCII.comma || character == ASCII.backslash {
                position += 1
                continue
            }
            guard character == ASCII.doubleQuote else { return nil }
            var value: [UInt8] = []
            var close = position + 1
            while close < end, bytes[close] != ASCII.doubleQuote {
                if bytes[close] == ASCII.backslash, close + 1 < end {
                    close += 1
                    value.append(bytes[close] == UInt8(ascii: "n") ? ASCII.lineFeed : bytes[close])
                } else {
                    value.append(bytes[close])
                }
                close += 1
            }
            strings.append((String(decoding: value, as: UTF8.self), position..<min(close + 1, end)))
            position = close + 1
        }
        return nil
    }
}
