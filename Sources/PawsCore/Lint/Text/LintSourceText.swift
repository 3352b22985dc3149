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
