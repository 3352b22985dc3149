/// One entry of systemd-sysctl's option table (`OrderedHashmap` keyed by the normalized key
/// string, `parse_file()` in `src/sysctl/sysctl.c`). Reading a line for a key already in the
/// table with the *same* value only ORs the ignore-failure flag and keeps the earlier entry (and
/// its place); a different value, or an exclusion, removes the entry and appends a new one.
/// Options are written in table order; a glob option skips every key that has its own entry.
struct SystemdSysctlOption: Sendable, Hashable {
    let key: SysctlKey
    /// nil for an exclusion (`-key` without `=`).
    let value: String?
    var ignoreFailure: Bool
    /// The step the option was created from.
    let origin: Int

    static func table(of steps: [SysctlStep]) -> [SystemdSysctlOption] {
        // systemd keeps an ordered hashmap: a changed value moves the key to the end. Slots with
        // an index per key keep that linear in the number of lines (a 5 MB file is ~10^5 lines).
        var slots: [SystemdSysctlOption?] = []
        var position: [SysctlKey: Int] = [:]
        for step in steps {
            let value = step.entry.value
            if let existing = position[step.key], let option = slots[existing] {
                if option.value == value {
                    slots[existing]?.ignoreFailure = option.ignoreFailure || step.entry.ignoreFailure
                    continue
                }
                slots[existing] = nil
            }
            position[step.key] = slots.count
            slots.append(SystemdSysctlOption(
                key: step.key, value: value, ignoreFailure: step.entry.ignoreFailure, origin: step.index))
        }
        return slots.compactMap { $0 }
    }
}
