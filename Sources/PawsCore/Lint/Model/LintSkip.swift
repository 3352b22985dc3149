/// A file (or path argument) the linter did not check, and why.
public struct LintSkip: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// A NUL byte near the start, as `grep -I` decides.
        case binary
        /// Markdown, reStructuredText, plain text: prose is not configuration.
        case documentation
        /// A FIFO, socket or device: reading it could block or never end.
        case notRegularFile(kind: String)
        /// A directory in the git index (a submodule) or a symlink to a directory in git mode.
        case directoryNotFollowed
        /// A symlink whose target does not exist.
        case danglingSymlink
        /// A symlink chain that loops (`ELOOP`), or a directory symlink back to its ancestor.
        case symlinkLoop
        /// Larger than the linter reads.
        case tooLarge(bytes: Int, limit: Int)
        /// Listed by git but deleted from the work tree.
        case deletedFromWorkTree
        /// Could not be opened or read (permission, I/O error): the file's settings are unknown.
        case unreadable(reason: String)
        /// A path given on the command line that does not exist.
        case missingArgument
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Binary files and documentation: expected in every repository, counted rather than listed
    /// unless asked for, so that a report does not grow with the repository.
    public var isRoutine: Bool {
        switch reason {
        case .binary, .documentation: return true
        default: return false
        }
    }

    /// True when the skip means the check is incomplete: pawsguard exits 2 if nothing worse was found.
    public var isProblem: Bool {
        switch reason {
        case .unreadable, .missingArgument: return true
        case .binary, .documentation, .notRegularFile, .directoryNotFollowed, .danglingSymlink, .symlinkLoop,
            .tooLarge, .deletedFromWorkTree:
            return false
        }
    }

    /// A short stable name for JSON and SARIF.
    public var code: String {
        switch reason {
        case .binary: return "binary"
        case .documentation: return "documentation"
        case .notRegularFile: return "not-regular-file"
        case .directoryNotFollowed: return "directory-not-followed"
        case .danglingSymlink: return "dangling-symlink"
        case .symlinkLoop: return "symlink-loop"
        case .tooLarge: return "too-large"
        case .deletedFromWorkTree: return "deleted"
        case .unreadable: return "unreadable"
        case .missingArgument: return "missing"
        }
    }

    public var message: String {
        switch reason {
        case .binary: return "skipped: binary file (NUL byte near the start)"
        case .documentation: return "skipped: documentation (prose is not configuration)"
        case .notRegularFile(let kind): return "skipped: not a regular file (\(kind))"
        case .directoryNotFollowed: return "skipped: a directory (git submodule or symlink to a directory); lint it on its own"
        case .danglingSymlink: return "skipped: symlink to a file that does not exist"
        case .symlinkLoop: return "skipped: symlink loop"
        case .tooLarge(let bytes, let limit):
            return "skipped: \(bytes) bytes, more than the \(limit)-byte limit; it mentions a checked key, so check it by hand"
        case .deletedFromWorkTree: return "skipped: tracked by git but deleted from the work tree"
        case .unreadable(let reason): return "cannot be read (\(reason)); its settings were not checked. Fix the permissions or exclude it"
        case .missingArgument: return "no such file or directory"
        }
    }

    public var description: String { "\(path): \(message)" }
}
