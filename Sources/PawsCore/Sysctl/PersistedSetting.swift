/// The value an applier would write for a key from the configuration files: what the host gets
/// at the next boot (or `sysctl --system`), as opposed to the live value.
public struct PersistedSetting: Sendable, Hashable, CustomStringConvertible {
    public let key: SysctlKey
    public let value: String
    /// The line the applier takes the value from.
    public let origin: SourceLocation
    /// The file to edit for `origin`, after following symlinks.
    public let originRealPath: String
    public let ignoreFailure: Bool
    /// Every other line that assigns the key (directly or by glob) and is not the origin,
    /// in the order the applier reads them.
    public let shadowed: [SourceLocation]
    /// The glob pattern the value comes from, when no line names the key itself.
    public let viaGlob: SysctlKey?

    public init(
        key: SysctlKey, value: String, origin: SourceLocation, originRealPath: String, ignoreFailure: Bool,
        shadowed: [SourceLocation], viaGlob: SysctlKey?
    ) {
        self.key = key
        self.value = value
        self.origin = origin
        self.originRealPath = originRealPath
        self.ignoreFailure = ignoreFailure
        self.shadowed = shadowed
        self.viaGlob = viaGlob
    }

    public var description: String {
        var text = "\(key) = \(value) (\(origin)"
        if let viaGlob { text += " via \(viaGlob)" }
        return text + ")"
    }
}
