/// Why a probe's output could not be read. The host is named by the caller (`host`).
public enum ProbeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The output does not start with the probe header: the remote shell printed something
    /// else first (a login banner from a shell rc file?) or is not a POSIX shell.
    case missingHeader(host: String, firstLine: String)
    case unsupportedVersion(host: String, version: String)
    /// The output stopped before the end marker: the connection or the command died mid-probe.
    case truncated(host: String, lastSection: String)
    case malformedSection(host: String, section: String, detail: String)
    case exitStatus(host: String, status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .missingHeader(let host, let firstLine):
            return "\(host): probe output does not start with the probe header (first line: \(Self.clip(firstLine))); "
                + "the remote command must run a POSIX sh (dash, bash or busybox) and print nothing else"
        case .unsupportedVersion(let host, let version):
            return "\(host): probe output has format version \(Self.clip(version)); this pawsguard reads version \(ProbeScript.formatVersion)"
        case .truncated(let host, let lastSection):
            return "\(host): probe output ended before its end marker (last section: \(Self.clip(lastSection))); "
                + "the connection or the remote shell died during the probe, rerun the audit for this host"
        case .malformedSection(let host, let section, let detail):
            // Details quote remote text too (a section's argument), so control characters go as well.
            return "\(host): malformed probe section '\(Self.clip(section))': \(Self.printable(detail))"
        case .exitStatus(let host, let status, let stderr):
            return "\(host): probe exited with status \(status)" + (stderr.isEmpty ? "" : ": \(Self.clip(stderr))")
        }
    }

    static func clip(_ text: String) -> String {
        let shown = printable(text)
        return shown.count > 120 ? String(shown.prefix(117)) + "..." : shown
    }

    /// `text` with every control character shown as `?`: remote text cannot break the line.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : Character($0) })
    }
}
