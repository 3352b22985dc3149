/// The text a `sed` script writes into a file: the replacement of `s/.../.../` commands and the
/// text of `a`, `i` and `c` commands. The pattern of `s` is what it replaces, so
/// `s/tcp_tw_recycle = 1/tcp_tw_recycle = 0/` sets 0, not 1.
enum SedScript {
    /// Each written text with the offset in the script where it starts.
    static func writtenTexts(_ script: String) -> [(text: String, offset: Int)] {
        let bytes = Array(script.utf8)
        var texts: [(text: String, offset: Int)] = []
        var position = 0
        while position < bytes.count {
            position = skipAddress(bytes, from: skipSeparators(bytes, from: position))
            guard position < bytes.count else { break }
            let command = bytes[position]
            position += 1
            switch command {
            case UInt8(ascii: "s"):
                guard position < bytes.count else { break }
                let delimiter = bytes[position]
                let (_, afterPattern) = delimited(bytes, from: position + 1, by: delimiter)
                let (replacement, afterReplacement) = delimited(bytes, from: afterPattern, by: delimiter)
                texts.append((replacement, afterPattern))
                position = skipToCommandEnd(bytes, from: afterReplacement)
            case UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "c"):
                // GNU one-liner `a text` and classic `a\` + newline + text.
                if position < bytes.count, bytes[position] == ASCII.backslash { position += 1 }
                while position < bytes.count, ASCII.isBlank(bytes[position]) { position += 1 }
                if position < bytes.count, bytes[position] == ASCII.lineFeed { position += 1 }
                while position < bytes.count, ASCII.isBlank(bytes[position]) { position += 1 }
                var end = position
                while end < bytes.count, bytes[end] != ASCII.lineFeed { end += 1 }
                texts.append((EscapedText.decodingNewlines(String(decoding: bytes[position..<end], as: UTF8.self)), position))
                position = end
            default:
                position = skipToCommandEnd(bytes, from: position)
            }
        }
        return texts
    }

    private static func skipSeparators(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start
        while position < bytes.count,
            ASCII.isSpace(bytes[position]) || bytes[position] == ASCII.semicolon || bytes[position] == ASCII.openBrace
                || bytes[position] == ASCII.closeBrace
        {
            position += 1
        }
        return position
    }

    /// Skips `1`, `$`, `/re/`, `\%re%`, `1,/re/` and a `!`.
    private static func skipAddress(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start
        for _ in 0..<2 {
            guard position < bytes.count else { return position }
            let character = bytes[position]
            if ASCII.isDigit(character) || character == ASCII.dollar {
                while position < bytes.count, ASCII.isDigit(bytes[position]) || bytes[position] == ASCII.dollar
                    || bytes[position] == ASCII.tilde
                {
                    position += 1
                }
            } else if character == ASCII.slash {
                position = delimited(bytes, from: position + 1, by: ASCII.slash).1
            } else if character == ASCII.backslash, position + 1 < bytes.count {
                position = delimited(bytes, from: position + 2, by: bytes[position + 1]).1
            }
            guard position < bytes.count, bytes[position] == ASCII.comma else { break }
            position += 1
        }
        while position < bytes.count, bytes[position] == ASCII.exclamation || ASCII.isBlank(bytes[position]) { position += 1 }
        return position
    }

    /// Text up to an unescaped delimiter, with `\delimiter` and `\n` decoded; and the offset after it.
    private static func delimited(_ bytes: [UInt8], from start: Int, by delimiter: UInt8) -> (String, Int) {
        var text: [UInt8] = []
        var position = start
        while position < bytes.count, bytes[position] != delimiter {
            if bytes[position] == ASCII.backslash, position + 1 < bytes.count {
                let next = bytes[position + 1]
                if next == delimiter {
                    text.append(next)
                } else if next == UInt8(ascii: "n") {
                    text.append(ASCII.lineFeed)
                } else {
                    text += [ASCII.backslash, next]
                }
                position += 2
            } else {
                text.append(bytes[position])
                position += 1
            }
        }
        return (String(decoding: text, as: UTF8.self), min(position + 1, bytes.count))
    }

    private static func skipToCommandEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var position = start
        while position < bytes.count, bytes[position] != ASCII.semicolon, bytes[position] != ASCII.lineFeed { position += 1 }
        return position
    }
}
