/// Turns an audit report into the text of one output format (`--format`).
///
/// Formatters are pure: the caller decides where the text goes (stdout, `-o FILE`, a textfile
/// collector directory) and whether colour is wanted.
public protocol AuditReportFormatter: Sendable {
    func render(_ report: AuditReport) -> String
}

/// Presentation choices that do not change what a report says.
public struct ReportOptions: Sendable, Hashable {
    /// ANSI colours in the terminal table. The CLI turns this on only for a TTY with `NO_COLOR` unset;
    /// every other format ignores it.
    public var color: Bool
    /// Columns available to the terminal table; long messages wrap to fit.
    public var terminalWidth: Int
    /// The key whose live and persisted values get their own columns in host tables.
    public var focusKey: String

    public static let defaultTerminalWidth = 100
    public static let defaultFocusKey = "net.ipv4.tcp_tw_recycle"

    public init(color: Bool = false, terminalWidth: Int = Self.defaultTerminalWidth, focusKey: String = Self.defaultFocusKey) {
        self.color = color
        self.terminalWidth = terminalWidth
        self.focusKey = focusKey
    }
}
