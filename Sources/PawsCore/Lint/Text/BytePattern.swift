#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte string to search for, with its Horspool shift table: the search looks at one byte per
/// needle length in text that does not match, which keeps the prefilter near `grep`'s speed.
struct BytePattern: Sendable, Hashable {
    let needle: [UInt8]
    /// How far the window may move when its last byte is the index.
    private let shifts: [Int]

    init(_ needle: [UInt8]) {
        self.needle = needle
        var shifts = [Int](repeating: max(1, needle.count), count: 256)
        for (index, byte) in needle.dropLast().enumerated() {
            shifts[Int(byte)] = needle.count - 1 - index
        }
        self.shifts = shifts
    }

    /// The offset of the first match in `buffer`.
    func firstOffset(in buffer: UnsafeRawBufferPointer) -> Int? {
        let length = needle.count
        guard length > 0, buffer.count >= length, let base = buffer.baseAddress else { return nil }
        let last = length - 1
        return needle.withUnsafeBytes { pattern -> Int? in
            guard let patternBase = pattern.baseAddress else { return nil }
            let lastByte = pattern[last]
            return shifts.withUnsafeBufferPointer { shift -> Int? in
                var position = 0
                let limit = buffer.count - length
                while position <= limit {
                    let byte = buffer[position + last]
                    if byte == lastByte, memcmp(base + position, patternBase, last) == 0 { return position }
                    position += shift[Int(byte)]
                }
                return nil
            }
        }
    }

    func firstOffset(in bytes: [UInt8], from start: Int, before limit: Int) -> Int? {
        let upper = min(limit, bytes.count)
        guard start >= 0, start < upper else { return nil }
        return bytes.withUnsafeBytes { all in
            firstOffset(in: UnsafeRawBufferPointer(rebasing: all[start..<upper])).map { $0 + start }
        }
    }

    /// Every non-overlapping match in `range`.
    func allOffsets(in bytes: [UInt8], range: Range<Int>) -> [Int] {
        var offsets: [Int] = []
        var position = range.lowerBound
        while let found = firstOffset(in: bytes, from: position, before: range.upperBound) {
            offsets.append(found)
            position = found + needle.count
        }
        return offsets
    }
}
