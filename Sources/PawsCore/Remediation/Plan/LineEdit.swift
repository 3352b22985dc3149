/// One changed line of a configuration file. The line keeps its terminator (LF, CRLF or none);
/// only the bytes between the line start and the terminator change.
public struct LineEdit: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `# pawsguard <run-id>: ` is put in front of the line, so it stops setting anything.
        case commentOut = "comment-out"
        /// The value is replaced by the desired one; key, spacing and everything else stay.
        case rewriteValue = "rewrite-value"
    }

    public var kind: Kind
    public var key: SysctlKey
    /// 1-based line number in the file before the edit.
    public var line: Int
    /// The line before and after, without terminator (decoded leniently, for display).
    public var before: String
    public var after: String
    /// Why the line had to change.
    public var reason: String

    public init(kind: Kind, key: SysctlKey, line: Int, before: String, after: String, reason: String) {
        self.kind = kind
        self.key = key
        self.line = line
        self.before = before
        self.after = after
        self.reason = reason
    }
}
