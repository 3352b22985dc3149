/// Why no safe plan can be made for a host (or for a run). The host is then left alone.
public enum RemediationError: Error, Sendable, Hashable, CustomStringConvertible {
    case noDesiredValues(playbooks: [String])
    case invalidDesiredKey(key: String, playbook: String)
    case conflictingDesiredValues(key: SysctlKey, first: String, firstPlaybook: String, second: String, secondPlaybook: String)
    case liveValueUnreadable(host: String, key: SysctlKey)
    case configurationUnreadable(host: String, path: String)
    case symlinkLoop(host: String, chain: [String])
    /// A glob line (`net.ipv4.*`) sets the key to another value; commenting it out would change other keys too.
    case globLineSetsKey(host: String, location: SourceLocation, key: SysctlKey, value: String)
    /// After the planned edits an applier would still set the wrong value: a bug or a case the
    /// planner does not understand, so nothing is written.
    case wouldNotConverge(host: String, key: SysctlKey, applier: SysctlApplier, value: String, origin: SourceLocation)

    public var description: String {
        switch self {
        case .noDesiredValues(let playbooks):
            return "playbook \(playbooks.joined(separator: ", ")) has no `fix:` values, so there is nothing to apply; use a playbook with a fix (tcp-tw-recycle-nat)"
        case .invalidDesiredKey(let key, let playbook):
            return "playbook \(playbook): fix key '\(key)' is not a single sysctl key of letters, digits, '_' and '-' (empty, a glob or odd characters); name one key, e.g. net.ipv4.tcp_tw_recycle"
        case .conflictingDesiredValues(let key, let first, let firstPlaybook, let second, let secondPlaybook):
            return "playbooks disagree on \(key): \(firstPlaybook) wants \(first), \(secondPlaybook) wants \(second); apply them separately"
        case .liveValueUnreadable(let host, let key):
            return "\(host): cannot read the live value of \(key) (\(key.procPath)); nothing changed. Check that the login user may read /proc/sys"
        case .configurationUnreadable(let host, let path):
            return "\(host): \(path) is not readable, so the persisted value cannot be proven right after the change; nothing changed. Make it readable to the login user or use become/sudo"
        case .symlinkLoop(let host, let chain):
            return "\(host): symlink loop \(chain.joined(separator: " -> ")); nothing changed. Fix the links by hand"
        case .globLineSetsKey(let host, let location, let key, let value):
            return "\(host): \(location) sets \(key) = \(value) through a glob that also sets other keys; pawsguard will not comment it out. Change that line by hand (or add '-\(key)' before it), then apply again"
        case .wouldNotConverge(let host, let key, let applier, let value, let origin):
            return "\(host): after the planned edits \(applier) would still set \(key) = \(value) from \(origin); nothing changed. Please report this with `pawsguard facts` output"
        }
    }
}
