/// The name of a kernel parameter below `/proc/sys`, kept as its path components so that both
/// spellings stay available: `net.ipv4.tcp_tw_recycle` and `/proc/sys/net/ipv4/tcp_tw_recycle`.
///
/// Keys are written with `.` or `/` as separator, and a name component may itself contain the
/// other character (VLAN interfaces such as `eth0.100`). procps 4 (`slashdot()` in `sysctl.c`)
/// and systemd (`sysctl_normalize()`) agree on the rule: **the first separator in the key
/// decides**. If it is `/`, slashes separate and dots are literal
/// (`net/ipv4/conf/eth0.100/rp_filter`). If it is `.`, dots separate and every `/` stands for a
/// literal dot (`net.ipv4.conf.eth0/100.rp_filter`). procps implements this by swapping `.` and
/// `/`; systemd by the same swap followed by `path_simplify()`.
///
/// Empty components (`net..ipv4`, a leading or trailing separator) are dropped: systemd removes
/// them, and for procps the kernel's path lookup collapses the resulting `//`.
public struct SysctlKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Path components below `/proc/sys`, e.g. `["net", "ipv4", "conf", "eth0.100", "rp_filter"]`.
    public let components: [String]

    public init(components: [String]) {
        self.components = components.filter { !$0.isEmpty }
    }

    /// Parses a key as written in a configuration file or on the `sysctl` command line.
    /// Returns nil when no name component is left (an empty key, or only separators).
    public init?(_ text: String) {
        let separator: Character
        switch text.first(where: { $0 == "." || $0 == "/" }) {
        case "/": separator = "/"
        default: separator = "."
        }
        let parts = text.split(separator: separator, omittingEmptySubsequences: true).map { part in
            // In dotted form a `/` is how a literal dot inside a name component is written.
            separator == "." ? String(part).replacingSlashesWithDots() : String(part)
        }
        guard !parts.isEmpty else { return nil }
        self.components = parts
    }

    /// The conventional dotted form, as `sysctl` prints it: `net.ipv4.conf.eth0/100.rp_filter`.
    public var dotted: String {
        components.map { $0.replacingDotsWithSlashes() }.joined(separator: ".")
    }

    /// The path relative to `/proc/sys`: `net/ipv4/conf/eth0.100/rp_filter`.
    public var relativePath: String {
        components.joined(separator: "/")
    }

    /// The absolute path of the parameter: `/proc/sys/net/ipv4/tcp_tw_recycle`.
    public var procPath: String {
        "/proc/sys/" + relativePath
    }

    /// True when a component holds a shell-style wildcard (`*`, `?` or `[`): both procps 4
    /// (`GLOB_CHARS "*?["`) and systemd (`string_is_glob()`) treat such a key as a pattern.
    public var isGlob: Bool {
        components.contains { SysctlGlobPattern.containsWildcard($0) }
    }

    /// Whether this key, read as a glob pattern, names `concrete`. Wildcards match inside one
    /// component only, as `glob(3)` does when both appliers expand a pattern below `/proc/sys`.
    public func globMatches(_ concrete: SysctlKey) -> Bool {
        guard components.count == concrete.components.count else { return false }
        return zip(components, concrete.components).allSatisfy { pattern, name in
            SysctlGlobPattern(pattern).matches(name)
        }
    }

    public var description: String { dotted }

    /// Encoded as the dotted form, which round-trips through `init?(_:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = SysctlKey(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a sysctl key: it has no name component")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dotted)
    }

    public static func < (lhs: SysctlKey, rhs: SysctlKey) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components) { a, b in
            Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
    }

    public static let tcpTwRecycle = SysctlKey(components: ["net", "ipv4", "tcp_tw_recycle"])
    public static let tcpTimestamps = SysctlKey(components: ["net", "ipv4", "tcp_timestamps"])
    public static let tcpTwReuse = SysctlKey(components: ["net", "ipv4", "tcp_tw_reuse"])
}

extension String {
    fileprivate func replacingSlashesWithDots() -> String {
        String(map { $0 == "/" ? "." : $0 })
    }

    fileprivate func replacingDotsWithSlashes() -> String {
        String(map { $0 == "." ? "/" : $0 })
    }
}
