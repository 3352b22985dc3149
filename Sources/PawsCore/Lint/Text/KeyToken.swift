/// A watched key as it appears in text.
struct KeyToken: Sendable, Hashable {
    let range: Range<Int>
    let text: String
    let key: SysctlKey

    var isProcPath: Bool { text.hasPrefix("/proc/sys/") || text.hasPrefix("proc/sys/") }
}
