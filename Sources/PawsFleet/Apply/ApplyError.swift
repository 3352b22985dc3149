import PawsCore

/// What stopped a change on a host. Each says where and what to do.
public enum ApplyError: Error, Sendable, Hashable, CustomStringConvertible {
    case sudoRefused(host: String, refusal: SudoRefusal, stderr: String)
    case loginUserUnknown(host: String, output: String)
    case lockHeld(host: String, holder: String, details: String)
    case fileChangedSinceProbe(host: String, path: String)
    case notRegularFile(host: String, path: String)
    case liveValueChanged(host: String, key: SysctlKey, expected: String, found: String)
    case liveKeyAbsent(host: String, key: SysctlKey)
    case liveValueRejected(host: String, key: SysctlKey, wanted: String, kept: String)
    case remoteScriptFailed(host: String, action: String, status: Int32?, detail: String)
    case statFailed(host: String, output: String)
    case journalUnwritable(path: String, reason: String)
    case journalUnreadable(path: String, reason: String)
    case runNotFound(runID: String, directory: String)
    case portClosedBefore(host: String, address: String, port: Int)
    case verificationFailed(host: String, problems: [String])
    case stopped(host: String, reason: String)

    public var description: String {
        switch self {
        case .sudoRefused(let host, let refusal, let stderr):
            return "\(host): \(refusal)" + (stderr.isEmpty ? "" : " (sudo said: \(Self.clip(stderr)))")
        case .loginUserUnknown(let host, let output):
            return "\(host): `id -u` printed '\(Self.clip(output))', not a user id; is the login shell a POSIX sh?"
        case .lockHeld(let host, let holder, let details):
            return "\(host): another pawsguard run (\(holder)\(details.isEmpty ? "" : ", \(details)")) holds /run/pawsguard.lock; host left alone. "
                + "Wait for it to finish; if it was killed, `pawsguard rollback \(holder)` takes the lock over"
        case .fileChangedSinceProbe(let host, let path):
            return "\(host): \(path) changed between the probe and the write (content hash differs); host skipped, nothing written to it. Run apply again to plan from its new content"
        case .notRegularFile(let host, let path):
            return "\(host): \(path) is no longer a regular file (a symlink or something else replaced it since the probe); host skipped"
        case .liveValueChanged(let host, let key, let expected, let found):
            return "\(host): live \(key) is \(found), not \(expected) as probed; someone changed it meanwhile. Run apply again"
        case .liveKeyAbsent(let host, let key):
            return "\(host): \(key.procPath) does not exist any more"
        case .liveValueRejected(let host, let key, let wanted, let kept):
            return "\(host): the kernel kept \(key) = \(kept) after writing \(wanted)"
        case .remoteScriptFailed(let host, let action, let status, let detail):
            return "\(host): \(action) failed" + (status.map { " (exit status \($0))" } ?? " (no exit status: killed or connection lost)")
                + (detail.isEmpty ? "" : ": \(Self.clip(detail))")
        case .statFailed(let host, let output):
            return "\(host): cannot read the mode and owner of the files to change: \(Self.clip(output))"
        case .journalUnwritable(let path, let reason):
            return "\(path): cannot write the run journal (\(reason)); nothing is changed without a journal. Set XDG_STATE_HOME or --state-dir to a writable folder"
        case .journalUnreadable(let path, let reason):
            return "\(path): cannot read the run journal: \(reason)"
        case .runNotFound(let runID, let directory):
            return "no run \(runID) in \(directory); `pawsguard runs` lists the runs recorded there (see --state-dir)"
        case .portClosedBefore(let host, let address, let port):
            return "\(host): \(address):\(port) does not accept TCP connections before the change, so --check-port cannot tell whether the change breaks it; host skipped"
        case .verificationFailed(let host, let problems):
            return "\(host): verification failed: " + problems.joined(separator: "; ")
        case .stopped(let host, let reason):
            return "\(host): stopped before its next change (\(reason))"
        }
    }

    static func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " / ")
        return flat.count > 300 ? String(flat.prefix(297)) + "..." : flat
    }
}
