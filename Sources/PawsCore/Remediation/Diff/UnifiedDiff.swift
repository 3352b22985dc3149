/// A unified diff (`diff -u` format, three lines of context) between two versions of a file.
///
/// Lines keep their bytes: a CRLF line shows its `\r`, and a last line without newline is followed
/// by `\ No newline at end of file`, so the diff can be applied with `patch` and shows exactly
/// what changes. Non-UTF-8 bytes are shown as U+FFFD.
public struct UnifiedDiff: Sendable, Hashable {
    public var oldLabel: String
    public var newLabel: String
    public var contextLines: Int

    public init(oldLabel: String, newLabel: String, contextLines: Int = 3) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.contextLines = contextLines
    }

    /// The diff text, or "" when the contents are equal.
    public func render(old: [UInt8], new: [UInt8]) -> String {
        guard old != new else { return "" }
        let oldLines = Self.lines(of: old)
        let newLines = Self.lines(of: new)
        let operations = Self.operations(old: oldLines, new: newLines)
        var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(operations) {
            text += hunk.header
            for operation in hunk.operations {
                let (prefix, line): (String, DiffLine)
                switch operation {
                case .keep(let oldIndex, _): (prefix, line) = (" ", oldLines[oldIndex])
                case .remove(let oldIndex): (prefix, line) = ("-", oldLines[oldIndex])
                case .insert(let newIndex): (prefix, line) = ("+", newLines[newIndex])
                }
                let content = line.endsWithNewline ? line.bytes.dropLast() : line.bytes[...]
                text += prefix + String(decoding: content, as: UTF8.self) + "\n"
                if !line.endsWithNewline { text += "\\ No newline at end of file\n" }
            }
        }
        return text
    }

    struct DiffLine: Hashable {
        /// With its terminator, if any.
        var bytes: [UInt8]
        var endsWithNewline: Bool { bytes.last == 0x0A }
    }

    enum Operation: Hashable {
        case keep(Int, Int)
        case remove(Int)
        case insert(Int)
    }

    struct Hunk {
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
        var operations: [Operation]

        var header: String {
            "@@ -\(Self.range(oldStart, oldCount)) +\(Self.range(newStart, newCount)) @@\n"
        }

        /// `diff -u` writes `start,count`, omits `,1`, and names the line before for an empty range.
        private static func range(_ start: Int, _ count: Int) -> String {
            switch count {
            case 0: return "\(start - 1),0"
            case 1: return "\(start)"
            default: return "\(start),\(count)"
            }
        }
    }

    static func lines(of bytes: [UInt8]) -> [DiffLine] {
        var lines: [DiffLine] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(DiffLine(bytes: Array(bytes[start...index])))
            start = index + 1
        }
        if start < bytes.count { lines.append(DiffLine(bytes: Array(bytes[start...]))) }
        return lines
    }

    /// Longest-common-subsequence edit script. Configuration files are small; beyond a few
    /// thousand lines the common prefix and suffix are trimmed first, which is what keeps it fast.
    static func operations(old: [DiffLine], new: [DiffLine]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        var operations: [Operation] = (0..<prefix).map { .keep($0, $0) }
        let rows = oldMiddle.count
        let columns = newMiddle.count
        if rows * columns > 4_000_000 {
            // Too large to align line by line: show the middle as replaced.
            operations += (0..<rows).map { .remove(prefix + $0) }
            operations += (0..<columns).map { .insert(prefix + $0) }
        } else {
            var table = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
            for row in stride(from: rows - 1, through: 0, by: -1) {
                for column in stride(from: columns - 1, through: 0, by: -1) {
                    table[row][column] = oldMiddle[row] == newMiddle[column]
                        ? table[row + 1][column + 1] + 1 : max(table[row + 1][column], table[row][column + 1])
                }
            }
            var row = 0
            var column = 0
            while row < rows || column < columns {
                if row < rows, column < columns, oldMiddle[row] == newMiddle[column] {
                    operations.append(.keep(prefix + row, prefix + column))
                    row += 1
                    column += 1
                } else if row < rows, column == columns || table[row + 1][column] >= table[row][column + 1] {
                    operations.append(.remove(prefix + row))
                    row += 1
                } else {
                    operations.append(.insert(prefix + column))
                    column += 1
                }
            }
        }
        operations += (0..<suffix).map { .keep(old.count - suffix + $0, new.count - suffix + $0) }
        return operations
    }

    func hunks(_ operations: [Operation]) -> [Hunk] {
        let changeIndices = operations.indices.filter {
            if case .keep = operations[$0] { return false }
            return true
        }
        guard !changeIndices.isEmpty else { return [] }
        // Group changes whose context windows touch or overlap.
        var groups: [ClosedRange<Int>] = []
        for index in changeIndices {
            let window = max(0, index - contextLines)...min(operations.count - 1, index + contextLines)
            if let last = groups.last, window.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                groups.append(window)
            }
        }
        return groups.map { range in
            let slice = Array(operations[range])
            // Position of the hunk: old/new line numbers of its first operation.
            var oldLine = 0
            var newLine = 0
            for operation in operations[..<range.lowerBound] {
                switch operation {
                case .keep: oldLine += 1; newLine += 1
                case .remove: oldLine += 1
                case .insert: newLine += 1
                }
            }
            var oldCount = 0
            var newCount = 0
            for operation in slice {
                switch operation {
                case .keep: oldCount += 1; newCount += 1
                case .remove: oldCount += 1
                case .insert: newCount += 1
                }
            }
            return Hunk(oldStart: oldLine + 1, oldCount: oldCount, newStart: newLine + 1, newCount: newCount, operations: slice)
        }
    }
}
