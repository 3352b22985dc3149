/// A live kernel value to change through `/proc/sys`.
public struct LiveWrite: Sendable, Hashable, Codable, CustomStringConvertible {
    public var key: SysctlKey
    /// The value the probe read, which the host must still have when the write happens.
    public var from: String
    public var to: String

    public init(key: SysctlKey, from: String, to: String) {
        self.key = key
        self.from = from
        self.to = to
    }

    public var description: String { "sysctl -w \(key)=\(to)   (live now \(from))" }
}
