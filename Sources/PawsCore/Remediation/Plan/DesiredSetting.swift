/// One value a fix makes live and persisted (a playbook's `fix:` entry).
public struct DesiredSetting: Sendable, Hashable, Codable, CustomStringConvertible {
    public var key: SysctlKey
    public var value: String

    public init(key: SysctlKey, value: String) {
        self.key = key
        self.value = value
    }

    /// The fix values of `playbooks`, by key; a key two playbooks fix differently is a conflict.
    public static func from(playbooks: [Playbook]) throws(RemediationError) -> [DesiredSetting] {
        var byKey: [SysctlKey: (value: String, playbook: String)] = [:]
        var order: [SysctlKey] = []
        for playbook in playbooks {
            for (text, value) in playbook.desired.sorted(by: { $0.key < $1.key }) {
                // The probe reads only keys of plain name characters; so does a fix.
                guard let key = SysctlKey(text), !key.isGlob, ProbeScript.validate(key: key.dotted) else {
                    throw .invalidDesiredKey(key: text, playbook: playbook.id)
                }
                if let existing = byKey[key] {
                    guard SysctlValue.same(existing.value, value) else {
                        throw .conflictingDesiredValues(key: key, first: existing.value, firstPlaybook: existing.playbook,
                                                        second: value, secondPlaybook: playbook.id)
                    }
                    continue
                }
                byKey[key] = (value, playbook.id)
                order.append(key)
            }
        }
        return order.compactMap { key in byKey[key].map { DesiredSetting(key: key, value: $0.value) } }
    }

    public var description: String { "\(key) = \(value)" }
}

/// Comparing sysctl values the way the kernel reads them: surrounding blanks do not count, and
/// runs of blanks between the fields of a vector value (`tcp_rmem`) are one separator.
public enum SysctlValue {
    public static func normalized(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    public static func same(_ lhs: String, _ rhs: String) -> Bool {
        normalized(lhs) == normalized(rhs)
    }
}

/// Kernel defaults a fix may rely on: when no configuration line sets a key, the kernel keeps
/// its built-in value at boot. Only keys listed here may be fixed by commenting lines out
/// instead of rewriting them; anything else is rewritten in place to the desired value.
public enum KernelDefaults {
    /// `tcp_tw_recycle` defaults to 0 on every kernel that has it (it was never on by default), and
    /// leaving it unset is better than `= 0`: a `tcp_tw_recycle` line makes `sysctl -p` fail on 4.12+.
    public static let values: [SysctlKey: String] = [SysctlKey.tcpTwRecycle: "0"]

    public static func value(for key: SysctlKey) -> String? { values[key] }
}
