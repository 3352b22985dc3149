/// Something odd about a sysctl configuration line or file. None of these stop the appliers:
/// procps warns (`invalid syntax, continuing...`) and systemd logs (`Line is not an assignment,
/// ignoring`), then both go on with the next line; so do we.
public struct SysctlDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A line with neither `=` nor a leading `-`: both appliers ignore it.
        case notAnAssignment(text: String)
        /// `= value` or `- = value`: there is no key to write.
        case emptyKey
        /// `- key = value`: procps keeps the blank in the key (` key`), so the write fails there;
        /// systemd strips it and sets `key`.
        case blankAfterDash(key: String)
        /// Bytes that are not UTF-8; they were decoded with U+FFFD replacement characters.
        case invalidUTF8
        /// A NUL byte: procps's C strings end there, so the rest of the line is ignored.
        case nulByte
        /// A carriage return that is not part of a CRLF line end. systemd's line reader splits
        /// lines there; procps keeps it as part of the line.
        case bareCarriageReturn
        /// The file could not be read at all.
        case unreadableFile(reason: String)
    }

    public let location: SourceLocation
    public let kind: Kind

    public init(location: SourceLocation, kind: Kind) {
        self.location = location
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .notAnAssignment(let text):
            return "\(location): '\(text)' is not a 'key = value' line; sysctl and systemd-sysctl skip it. "
                + "Add '= value', or comment it out with '#'."
        case .emptyKey:
            return "\(location): the line has a value but no key; sysctl and systemd-sysctl fail on it. "
                + "Write the key before '='."
        case .blankAfterDash(let key):
            return "\(location): blank between '-' and '\(key)': systemd-sysctl sets '\(key)', but procps "
                + "sysctl looks for ' \(key)' (with the blank) and fails. Write '-\(key)'."
        case .invalidUTF8:
            return "\(location): the line holds bytes that are not UTF-8; they are shown as U+FFFD. "
                + "Check the file's encoding."
        case .nulByte:
            return "\(location): the line holds a NUL byte; procps sysctl ignores everything after it. "
                + "Remove the NUL byte."
        case .bareCarriageReturn:
            return "\(location): a carriage return inside the line; systemd-sysctl starts a new line there, "
                + "procps sysctl does not. Use plain LF or CRLF line ends."
        case .unreadableFile(let reason):
            return "\(location.path): cannot be read (\(reason)); its settings are unknown. "
                + "Run the audit with a user that may read it."
        }
    }
}
