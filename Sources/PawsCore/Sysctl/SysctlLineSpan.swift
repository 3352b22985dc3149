/// Where one line sits in a file's raw bytes, so that an edit can replace exactly that line and
/// leave every other byte (including the line terminator) as it was.
public struct SysctlLineSpan: Sendable, Hashable, Codable {
    public enum Terminator: String, Sendable, Hashable, Codable {
        case lf
        case crlf
        /// The last line of a file that does not end with a newline.
        case none

        public var bytes: [UInt8] {
            switch self {
            case .lf: return [0x0A]
            case .crlf: return [0x0D, 0x0A]
            case .none: return []
            }
        }
    }

    /// 1-based line number.
    public let line: Int
    /// The line's bytes without its terminator.
    public let content: Range<Int>
    public let terminator: Terminator

    public init(line: Int, content: Range<Int>, terminator: Terminator) {
        self.line = line
        self.content = content
        self.terminator = terminator
    }

    /// The line's bytes including its terminator.
    public var fullRange: Range<Int> {
        content.lowerBound..<(content.upperBound + terminator.bytes.count)
    }
}
