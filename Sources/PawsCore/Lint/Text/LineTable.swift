/// The lines of a buffer range: content ranges without `\n` or `\r\n`.
struct LineTable {
    let lines: [Range<Int>]

    init(_ bytes: [UInt8], range: Range<Int>) {
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound, bytes[end] != ASCII.lineFeed { end += 1 }
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == ASCII.carriageReturn { contentEnd -= 1 }
            lines.append(start..<contentEnd)
            start = end + 1
        }
        self.lines = lines
    }

    /// Index of the line holding `offset` (the last line for offsets past the end).
    func index(of offset: Int) -> Int {
        var low = 0
        var high = max(0, lines.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
