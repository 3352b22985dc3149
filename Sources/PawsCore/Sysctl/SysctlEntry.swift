/// One meaningful line of a sysctl configuration file.
public struct SysctlEntry: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        /// `key = value`.
        case assign(value: String)
        /// `-key` without `=`: keep glob lines from touching the keys this names
        /// (procps 4 and systemd; older procps reject the line as invalid syntax).
        case excludeFromGlobs
    }

    /// The key as both appliers normalize it.
    public let key: SysctlKey
    /// The key text as written, without the `-` prefix and surrounding blanks.
    public let rawKey: String
    /// The key procps actually uses. procps strips blanks only *before* the `-` prefix, so
    /// `- net.ipv4.x = 1` names ` net/ipv4/x` (with a leading space), which does not exist;
    /// systemd strips them and sets `net.ipv4.x`. Equal to `key` for every other line.
    public let procpsKey: SysctlKey
    public let action: Action
    /// `-key = value`: a failure to write this key is not an error.
    public let ignoreFailure: Bool
    public let location: SourceLocation
    public let span: SysctlLineSpan
    /// Byte range of the key text (after any `-`) in the file.
    public let keyRange: Range<Int>
    /// Byte range of the trimmed value in the file; empty at the value position for `key =`,
    /// nil for exclusion lines.
    public let valueRange: Range<Int>?

    public init(
        key: SysctlKey, rawKey: String, procpsKey: SysctlKey? = nil, action: Action, ignoreFailure: Bool,
        location: SourceLocation, span: SysctlLineSpan, keyRange: Range<Int>, valueRange: Range<Int>?
    ) {
        self.key = key
        self.rawKey = rawKey
        self.procpsKey = procpsKey ?? key
        self.action = action
        self.ignoreFailure = ignoreFailure
        self.location = location
        self.span = span
        self.keyRange = keyRange
        self.valueRange = valueRange
    }

    /// The assigned value, trimmed of surrounding blanks (inner blanks kept); nil for exclusions.
    public var value: String? {
        if case .assign(let value) = action { return value }
        return nil
    }

    public var isGlob: Bool { key.isGlob }
}
