/// Small readers of one line of text shared by the line-oriented scanners.
enum TextLine {
    /// A field's value as written (quotes kept) and where it starts.
    struct Field {
        let value: String
        let offset: Int
    }

    static func skipBlanks(_ bytes: [UInt8], from start: Int, before end: Int) -> Int {
        var position = start
        while position < end, ASCII.isBlank(bytes[position]) { position += 1 }
        return position
    }

    static func firstNonBlank(_ bytes: [UInt8], _ line: Range<Int>) -> Int {
        skipBlanks(bytes, from: line.lowerBound, before: line.upperBound)
    }

    /// After YAML list markers: `- - x` → `x`.
    static func skipListMarkers(_ bytes: [UInt8], from start: Int, before end: Int) -> Int {
        var position = start
        while position + 1 < end, bytes[position] == ASCII.dash, ASCII.isBlank(bytes[position + 1]) {
            position = skipBlanks(bytes, from: position + 1, before: end)
        }
        if position + 1 == end, bytes[position] == ASCII.dash { return end }
        return position
    }

    /// Where a comment starts on the line (the line's end when there is none): `;` as the first
    /// character, or `#` or `//` at the start or after a blank, outside quotes. An apostrophe inside
    /// a word (`it's`) does not open a quote.
    static func commentStart(_ bytes: [UInt8], _ line: Range<Int>) -> Int {
        let first = firstNonBlank(bytes, line)
        if first < line.upperBound, bytes[first] == ASCII.semicolon { return first }
        var quote: UInt8?
        var position = line.lowerBound
        while position < line.upperBound {
            let character = bytes[position]
            let atWordStart = position == line.lowerBound || ASCII.isBlank(bytes[position - 1])
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == ASCII.backslash, open == ASCII.doubleQuote {
                    position += 1
                }
            } else if character == ASCII.doubleQuote || character == ASCII.singleQuote {
                if position == line.lowerBound || opensQuote(after: bytes[position - 1]) { quote = character }
            } else if character == ASCII.hash, atWordStart {
                return position
            } else if character == ASCII.slash, atWordStart, position + 1 < line.upperBound, bytes[position + 1] == ASCII.slash {
                return position
            }
            position += 1
        }
        return line.upperBound
    }

    private static func opensQuote(after previous: UInt8) -> Bool {
        ASCII.isBlank(previous) || [ASCII.equals, ASCII.colon, ASCII.openParen, ASCII.openBracket, ASCII.openBrace, ASCII.comma]
            .contains(previous)
    }

    /// The part of a line that may be a sysctl line: without YAML list markers, a non-key
    /// `field:` prefix (`line: `, `- runcmd: `) and one layer of quotes.
    static func strippingDecoration(_ bytes: [UInt8], _ range: Range<Int>, watched: WatchedKeys) -> Range<Int> {
        var start = skipListMarkers(bytes, from: firstNonBlank(bytes, range), before: range.upperBound)
        var end = range.upperBound
        while end > start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        var keyEnd = start
        while keyEnd < end, ASCII.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
        if keyEnd > start, keyEnd < end, bytes[keyEnd] == ASCII.colon, keyEnd + 1 == end || ASCII.isBlank(bytes[keyEnd + 1]),
            watched.key(named: String(decoding: bytes[start..<keyEnd], as: UTF8.self)) == nil
        {
            start = skipListMarkers(bytes, from: skipBlanks(bytes, from: keyEnd + 1, before: end), before: end)
        }
        if end - start >= 2, bytes[start] == ASCII.doubleQuote || bytes[start] == ASCII.singleQuote, bytes[end - 1] == bytes[start] {
            start += 1
            end -= 1
        }
        return start..<max(start, end)
    }

    /// The end of a `=>`, `=` or `:` separator at `position` (not `==`, `=~`, `::`).
    static func separatorEnd(_ bytes: [UInt8], at position: Int, before end: Int) -> Int? {
        guard position < end else { return nil }
        let next: UInt8? = position + 1 < end ? bytes[position + 1] : nil
        switch bytes[position] {
        case ASCII.equals:
            if next == ASCII.greater { return position + 2 }
            if next == ASCII.equals || next == ASCII.tilde { return nil }
            return position + 1
        case ASCII.colon:
            return next == ASCII.colon ? nil : position + 1
        default:
            return nil
        }
    }

    /// A value as written: a quoted string with its quotes, or a bare run up to `,`, `;`, `}`, `]`
    /// (and a blank, when `stopAtBlank`).
    static func valueToken(_ bytes: [UInt8], at start: Int, before end: Int, stopAtBlank: Bool) -> Field {
        guard start < end else { return Field(value: "", offset: start) }
        let first = bytes[start]
        if first == ASCII.doubleQuote || first == ASCII.singleQuote {
            var close = start + 1
            while close < end, bytes[close] != first {
                if bytes[close] == ASCII.backslash, first == ASCII.doubleQuote { close += 1 }
                close += 1
            }
            return Field(value: String(decoding: bytes[start..<min(close + 1, end)], as: UTF8.self), offset: start)
        }
        var stop = start
        while stop < end {
            let character = bytes[stop]
            if [ASCII.comma, ASCII.semicolon, ASCII.closeBrace, ASCII.closeBracket].contains(character) { break }
            if stopAtBlank, ASCII.isBlank(character) { break }
            stop += 1
        }
        while stop > start, ASCII.isBlank(bytes[stop - 1]) { stop -= 1 }
        return Field(value: String(decoding: bytes[start..<stop], as: UTF8.self), offset: start)
    }

    /// A YAML block scalar indicator, anchor, alias or flow collection: not a scalar value.
    static func opensBlock(_ value: String) -> Bool {
        guard let first = value.first else { return false }
        return "|>&*[{".contains(first)
    }

    /// A `value: v`, `value = v`, `"value" => v` field at the start of `range` (or anywhere in it,
    /// as a whole word, when `anywhere`).
    static func valueField(_ bytes: [UInt8], in range: Range<Int>, fields: Set<String>, anywhere: Bool) -> Field? {
        var position = range.lowerBound
        while position < range.upperBound {
            let startsWord = position == range.lowerBound || !ASCII.isIdentifier(bytes[position - 1])
            if startsWord, let value = field(bytes, at: position, in: range, fields: fields) { return value }
            if !anywhere { return nil }
            position += 1
        }
        return nil
    }

    private static func field(_ bytes: [UInt8], at start: Int, in range: Range<Int>, fields: Set<String>) -> Field? {
        var position = start
        if position < range.upperBound, bytes[position] == ASCII.doubleQuote || bytes[position] == ASCII.singleQuote { position += 1 }
        let nameStart = position
        while position < range.upperBound, ASCII.isIdentifier(bytes[position]) { position += 1 }
        guard position > nameStart, fields.contains(String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()) else {
            return nil
        }
        if position < range.upperBound, bytes[position] == ASCII.doubleQuote || bytes[position] == ASCII.singleQuote { position += 1 }
        position = skipBlanks(bytes, from: position, before: range.upperBound)
        guard let separatorEnd = separatorEnd(bytes, at: position, before: range.upperBound) else { return nil }
        let stopAtBlank = bytes[position] == ASCII.equals && separatorEnd == position + 1
        let valueStart = skipBlanks(bytes, from: separatorEnd, before: range.upperBound)
        let value = valueToken(bytes, at: valueStart, before: range.upperBound, stopAtBlank: stopAtBlank)
        return value.value.isEmpty || opensBlock(value.value) ? nil : value
    }

    /// True when `range` starts with one of `fields` used as a field (`name:`, `name =`).
    static func startsWithField(_ bytes: [UInt8], in range: Range<Int>, fields: Set<String>) -> Bool {
        var position = range.lowerBound
        if position < range.upperBound, bytes[position] == ASCII.doubleQuote || bytes[position] == ASCII.singleQuote { position += 1 }
        let nameStart = position
        while position < range.upperBound, ASCII.isIdentifier(bytes[position]) { position += 1 }
        guard position > nameStart, fields.contains(String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()) else {
            return false
        }
        if position < range.upperBound, bytes[position] == ASCII.doubleQuote || bytes[position] == ASCII.singleQuote { position += 1 }
        position = skipBlanks(bytes, from: position, before: range.upperBound)
        return separatorEnd(bytes, at: position, before: range.upperBound) != nil
    }

    /// When the key at `tokenStart` is the value of a `name:`/`key =` field, where that field's name
    /// starts.
    static func nameFieldStart(_ bytes: [UInt8], before tokenStart: Int, line: Range<Int>, fields: Set<String>) -> Int? {
        var position = tokenStart
        func previous() -> UInt8? { position > line.lowerBound ? bytes[position - 1] : nil }
        if let quote = previous(), quote == ASCII.doubleQuote || quote == ASCII.singleQuote { position -= 1 }
        while let blank = previous(), ASCII.isBlank(blank) { position -= 1 }
        switch previous() {
        case .some(ASCII.colon), .some(ASCII.equals):
            position -= 1
        case .some(ASCII.greater) where position - 2 >= line.lowerBound && bytes[position - 2] == ASCII.equals:
            position -= 2
        default:
            return nil
        }
        while let blank = previous(), ASCII.isBlank(blank) { position -= 1 }
        if let quote = previous(), quote == ASCII.doubleQuote || quote == ASCII.singleQuote { position -= 1 }
        let nameEnd = position
        while let character = previous(), ASCII.isIdentifier(character) { position -= 1 }
        guard position < nameEnd, fields.contains(String(decoding: bytes[position..<nameEnd], as: UTF8.self).lowercased()) else {
            return nil
        }
        if let quote = previous(), quote == ASCII.doubleQuote || quote == ASCII.singleQuote { return position - 1 }
        return position
    }
}
