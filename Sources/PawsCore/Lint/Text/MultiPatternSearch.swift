#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether any of several byte strings occurs in a buffer, in one pass (Set Horspool): the window
/// is as long as the shortest pattern, and each step shifts by the most that no pattern forbids.
/// The prefilter runs it over every byte of the repository, so one pass for all keys matters.
struct MultiPatternSearch: Sendable {
    let patterns: [[UInt8]]
    private let window: Int
    private let shifts: [Int]
    /// Patterns by the byte that ends their first `window` bytes.
    private let candidates: [[Int]]

    init(_ patterns: [[UInt8]]) {
        self.patterns = patterns.filter { !$0.isEmpty }
        window = self.patterns.map(\.count).min() ?? 0
        var shifts = [Int](repeating: max(1, window), count: 256)
        var candidates = [[Int]](repeating: [], count: 256)
        for (index, pattern) in self.patterns.enumerated() {
            for position in 0..<(window - 1) {
                shifts[Int(pattern[position])] = min(shifts[Int(pattern[position])], window - 1 - position)
            }
            candidates[Int(pattern[window - 1])].append(index)
        }
        self.shifts = shifts
        self.candidates = candidates
    }

    /// The length of the longest pattern (the overlap chunked readers must keep).
    var longestPattern: Int { patterns.map(\.count).max() ?? 0 }

    func matches(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard window > 0, buffer.count >= window, let base = buffer.baseAddress else { return false }
        return shifts.withUnsafeBufferPointer { shift in
            var position = 0
            let limit = buffer.count - window
            while position <= limit {
                let last = buffer[position + window - 1]
                for index in candidates[Int(last)] {
                    let pattern = patterns[index]
                    guard position + pattern.count <= buffer.count else { continue }
                    let equal = pattern.withUnsafeBytes { bytes in
                        bytes.baseAddress.map { memcmp(base + position, $0, pattern.count) == 0 } ?? false
                    }
                    if equal { return true }
                }
                position += shift[Int(last)]
            }
            return false
        }
    }
}
