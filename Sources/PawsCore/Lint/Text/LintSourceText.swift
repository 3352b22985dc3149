/// A file's raw bytes with a table of where each line starts, so that byte offsets found by any
/// extractor become `path:line:column` without decoding the file.
struct LintSourceText {
    let path: String
    let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == ASCII.lineFeed {
                starts.append(index + 1)
            }
        }
        if starts.count > 1, starts.last == bytes.count { starts.removeLast() }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// 0-based index of the line that holds `offset`.
    func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The bytes of a line without its terminator (`\n` or `\r\n`).
    func lineContent(index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        if end > start, bytes[end - 1] == ASCII.lineFeed { end -= 1 }
        if end > start, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        return start..<end
    }

    /// `path:line:column` of a byte offset; the column counts Unicode code points from 1.
    func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        let index = lineIndex(ofOffset: clamped)
        var column = 1
        var position = lineStarts[index]
        while position < clamped {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return SourceLocation(path: path, line: index + 1, column: column)
    }

    /// The byte offset of a 1-based line and a 1-based column counted in code points (YAML marks).
    func offset(line: Int, column: Int) -> Int {
        let index = min(max(0, line - 1), lineStarts.count - 1)
        let content = lineContent(index: index)
        var position = content.lowerBound
        var remaining = column - 1
        while remaining > 0, position < content.upperBound {
            position += 1
            while position < content.upperBound, bytes[position] & 0xC0 == 0x80 { position += 1 }
            remaining -= 1
        }
        return position
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a 1-based line without its terminator.
    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        return text(lineContent(index: line - 1))
    }

    /// The first occurrence of `needle` at or after `start`, before `limit`.
    func firstOffset(of needle: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
        ByteSearch.firstOffset(of: needle, in: bytes, from: start, before: limit ?? bytes.count)
    }
}

/// Byte values the scanners test for.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let singleQuote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let asterisk: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let less: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greater: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let closeBrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    static func isSpace(_ byte: UInt8) -> Bool { byte == space || (0x09...0x0D).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isIdentifier(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == underscore }
    /// Bytes a sysctl key token is made of: names, digits, `_`, `-`, and both separators.
    static func isKeyByte(_ byte: UInt8) -> Bool {
        isIdentifier(byte) || byte == dot || byte == slash || byte == dash || byte == asterisk
    }
}
