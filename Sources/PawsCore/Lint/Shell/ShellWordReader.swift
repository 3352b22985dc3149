/// Reads one shell word: quote removal, backslash escapes, `$'...'`, and the extent (not the
/// meaning) of `$(...)`, `${...}`, `` `...` `` and `name=(...)` arrays.
struct ShellWordReader {
    let bytes: [UInt8]
    let end: Int

    private func byte(_ index: Int) -> UInt8? { index < end ? bytes[index] : nil }

    private static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn, ASCII.semicolon, ASCII.ampersand,
            ASCII.pipe, ASCII.less, ASCII.greater, ASCII.closeParen:
            return true
        default:
            return false
        }
    }

    func read(at start: Int) -> (ShellWord, Int) {
        var value: [UInt8] = []
        var quoted = false
        var expansion = false
        var substitutions: [Range<Int>] = []
        var position = start
        while position < end {
            let character = bytes[position]
            if Self.endsWord(character) { break }
            switch character {
            case ASCII.openParen:
                // `name=( ... )`: an array literal belongs to the assignment word.
                guard value.last == ASCII.equals else { return (word(value, start, position, quoted, expansion, substitutions), position) }
                let close = balancedEnd(from: position, open: ASCII.openParen, close: ASCII.closeParen)
                value += bytes[position..<close]
                position = close
            case ASCII.backslash:
                guard let next = byte(position + 1) else { position += 1; continue }
                if next != ASCII.lineFeed { value.append(next) }
                quoted = true
                position += 2
            case ASCII.singleQuote:
                quoted = true
                var close = position + 1
                while close < end, bytes[close] != ASCII.singleQuote { close += 1 }
                value += bytes[(position + 1)..<close]
                position = min(close + 1, end)
            case ASCII.doubleQuote:
                quoted = true
                position = readDoubleQuoted(from: position + 1, into: &value, expansion: &expansion, substitutions: &substitutions)
            case ASCII.dollar:
                position = readDollar(at: position, into: &value, quoted: &quoted, expansion: &expansion, substitutions: &substitutions)
            case ASCII.backtick:
                expansion = true
                let close = backquoteEnd(from: position + 1)
                substitutions.append((position + 1)..<max(position + 1, close - 1))
                value += bytes[position..<close]
                position = close
            default:
                value.append(character)
                position += 1
            }
        }
        return (word(value, start, position, quoted, expansion, substitutions), position)
    }

    private func word(
        _ value: [UInt8], _ start: Int, _ end: Int, _ quoted: Bool, _ expansion: Bool, _ substitutions: [Range<Int>]
    ) -> ShellWord {
        ShellWord(
            value: String(decoding: value, as: UTF8.self), raw: start..<end, isQuoted: quoted, hasExpansion: expansion,
            substitutions: substitutions)
    }

    /// After the opening `"`; returns the offset after the closing one.
    private func readDoubleQuoted(
        from start: Int, into value: inout [UInt8], expansion: inout Bool, substitutions: inout [Range<Int>]
    ) -> Int {
        var position = start
        while position < end, bytes[position] != ASCII.doubleQuote {
            let character = bytes[position]
            if character == ASCII.backslash, let next = byte(position + 1),
                [ASCII.dollar, ASCII.backtick, ASCII.doubleQuote, ASCII.backslash, ASCII.lineFeed].contains(next)
            {
                if next != ASCII.lineFeed { value.append(next) }
                position += 2
            } else if character == ASCII.dollar, byte(position + 1) == ASCII.openParen || byte(position + 1) == ASCII.openBrace {
                var ignoredQuoted = false
                position = readDollar(at: position, into: &value, quoted: &ignoredQuoted, expansion: &expansion, substitutions: &substitutions)
            } else if character == ASCII.backtick {
                expansion = true
                let close = backquoteEnd(from: position + 1)
                substitutions.append((position + 1)..<max(position + 1, close - 1))
                value += bytes[position..<close]
                position = close
            } else {
                if character == ASCII.dollar { expansion = true }
                value.append(character)
                position += 1
            }
        }
        return min(position + 1, end)
    }

    /// At a `$`: `$(...)`, `$((...))`, `${...}`, `$'...'`, `$"..."` or `$name`.
    private func readDollar(
        at position: Int, into value: inout [UInt8], quoted: inout Bool, expansion: inout Bool,
        substitutions: inout [Range<Int>]
    ) -> Int {
        switch byte(position + 1) {
        case .some(ASCII.openParen):
            expansion = true
            let close = balancedEnd(from: position + 1, open: ASCII.openParen, close: ASCII.closeParen)
            if byte(position + 2) != ASCII.openParen {
                substitutions.append((position + 2)..<max(position + 2, close - 1))
            }
            value += bytes[position..<close]
            return close
        case .some(ASCII.openBrace):
            expansion = true
            let close = balancedEnd(from: position + 1, open: ASCII.openBrace, close: ASCII.closeBrace)
            value += bytes[position..<close]
            return close
        case .some(ASCII.singleQuote):
            quoted = true
            return readANSIQuoted(from: position + 2, into: &value)
        case .some(ASCII.doubleQuote):
            quoted = true
            return readDoubleQuoted(from: position + 2, into: &value, expansion: &expansion, substitutions: &substitutions)
        default:
            expansion = true
            value.append(ASCII.dollar)
            return position + 1
        }
    }

    /// `$'a\nb'`: C escapes decoded.
    private func readANSIQuoted(from start: Int, into value: inout [UInt8]) -> Int {
        var position = start
        while position < end, bytes[position] != ASCII.singleQuote {
            if bytes[position] == ASCII.backslash, let next = byte(position + 1) {
                switch next {
                case UInt8(ascii: "n"): value.append(ASCII.lineFeed)
                case UInt8(ascii: "t"): value.append(ASCII.tab)
                default: value.append(next)
                }
                position += 2
            } else {
                value.append(bytes[position])
                position += 1
            }
        }
        return min(position + 1, end)
    }

    /// The offset after the bracket that closes the one at `start`, skipping quoted text.
    func balancedEnd(from start: Int, open: UInt8, close: UInt8) -> Int {
        var depth = 0
        var position = start
        while position < end {
            let character = bytes[position]
            switch character {
            case ASCII.backslash:
                position += 2
                continue
            case ASCII.singleQuote where open == ASCII.openParen:
                position += 1
                while position < end, bytes[position] != ASCII.singleQuote { position += 1 }
            case ASCII.doubleQuote where open == ASCII.openParen:
                position += 1
                while position < end, bytes[position] != ASCII.doubleQuote {
                    if bytes[position] == ASCII.backslash { position += 1 }
                    position += 1
                }
            case open:
                depth += 1
            case close:
                depth -= 1
                if depth == 0 { return min(position + 1, end) }
            default:
                break
            }
            position += 1
        }
        return end
    }

    private func backquoteEnd(from start: Int) -> Int {
        var position = start
        while position < end, bytes[position] != ASCII.backtick {
            position += bytes[position] == ASCII.backslash ? 2 : 1
        }
        return min(position + 1, end)
    }
}
