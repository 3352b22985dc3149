/// Why a text is not a kernel release string.
public enum KernelReleaseError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    /// Does not start with `major.minor`.
    case notAVersion(String)
    /// Holds blanks inside: probably `/proc/version` or `uname -a` output, not `uname -r`.
    case containsBlanks(String)
    case tooLong(String)
    case numberOutOfRange(String)

    public var description: String {
        switch self {
        case .empty:
            return "the kernel release is empty; expected what 'uname -r' prints, e.g. 5.15.0-91-generic"
        case .notAVersion(let text):
            return "'\(text)' is not a kernel release: it must start with major.minor, e.g. 4.9.118 or 3.10.0-1160.el7.x86_64"
        case .containsBlanks(let text):
            return "'\(text)' is not a kernel release: it contains blanks; read /proc/sys/kernel/osrelease "
                + "or 'uname -r', not /proc/version or 'uname -a'"
        case .tooLong(let text):
            return "'\(text.prefix(80))…' is not a kernel release: longer than \(KernelRelease.maximumLength) characters"
        case .numberOutOfRange(let text):
            return "'\(text)' is not a kernel release: a version number is implausibly large"
        }
    }
}
