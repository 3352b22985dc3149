/// A parsed sysctl configuration file: its raw bytes, where every line sits in them, the entries
/// that set or exclude keys, and what looked wrong.
public struct SysctlFile: Sendable, Hashable {
    public enum LineEndingStyle: String, Sendable, Hashable, Codable {
        case lf
        case crlf
        /// Both LF and CRLF line ends occur.
        case mixed
        /// No line end at all (empty file, or a single line without newline).
        case none
    }

    public let path: String
    public let bytes: [UInt8]
    /// Every line of the file, in order, including blank and comment lines.
    public let lines: [SysctlLineSpan]
    /// Assignment and exclusion lines, in file order.
    public let entries: [SysctlEntry]
    public let diagnostics: [SysctlDiagnostic]
    public let lineEnding: LineEndingStyle
    public let hasTrailingNewline: Bool

    public init(
        path: String, bytes: [UInt8], lines: [SysctlLineSpan], entries: [SysctlEntry],
        diagnostics: [SysctlDiagnostic], lineEnding: LineEndingStyle, hasTrailingNewline: Bool
    ) {
        self.path = path
        self.bytes = bytes
        self.lines = lines
        self.entries = entries
        self.diagnostics = diagnostics
        self.lineEnding = lineEnding
        self.hasTrailingNewline = hasTrailingNewline
    }

    /// The entries that set `key` (exactly, not through a glob), in file order.
    public func entries(setting key: SysctlKey) -> [SysctlEntry] {
        entries.filter { $0.key == key && $0.value != nil }
    }

    /// The text of a line without its terminator, decoded leniently.
    public func text(of span: SysctlLineSpan) -> String {
        String(decoding: bytes[span.content], as: UTF8.self)
    }
}
