/// A configuration file an applier reads, in the order it reads them.
public struct AppliedSysctlFile: Sendable, Hashable {
    /// The path the applier opens, e.g. `/etc/sysctl.d/99-sysctl.conf`. Entry locations use it.
    public let path: String
    /// The file the bytes live in after following symlinks, e.g. `/etc/sysctl.conf`:
    /// the one to edit.
    public let realPath: String
    public let file: SysctlFile

    public init(path: String, realPath: String, file: SysctlFile) {
        self.path = path
        self.realPath = realPath
        self.file = file
    }
}

/// A configuration file an applier does not read, and why.
public struct SkippedSysctlFile: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// A file with the same name in a directory scanned earlier wins.
        case overriddenBy(path: String)
        /// A symlink to `/dev/null` (the path chain is recorded).
        case masked(chain: [String])
        /// A dangling symlink or a file that vanished.
        case missing(realPath: String)
        case unreadable(realPath: String)
        case symlinkLoop(chain: [String])
        /// systemd ignores names starting with `.`.
        case hidden
        /// The file exists but this applier never looks at it, e.g. `/etc/sysctl.conf` for
        /// systemd-sysctl when no `/etc/sysctl.d/*.conf` symlink leads to it.
        case notReadByApplier
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .overriddenBy(let winner):
            return "\(path): not read, \(winner) has the same name in a directory that takes precedence"
        case .masked(let chain):
            return "\(path): masked (\(chain.joined(separator: " -> ")))"
        case .missing(let realPath):
            return realPath == path
                ? "\(path): vanished before it could be read"
                : "\(path): dangling symlink to \(realPath)"
        case .unreadable(let realPath):
            return "\(path): not readable (\(realPath)); its settings are unknown"
        case .symlinkLoop(let chain):
            return "\(path): symlink loop (\(chain.joined(separator: " -> ")))"
        case .hidden:
            return "\(path): ignored by systemd-sysctl because its name starts with '.'"
        case .notReadByApplier:
            return "\(path): not read by this applier"
        }
    }
}
