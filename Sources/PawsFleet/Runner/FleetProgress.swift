/// Where a fleet run stands, sent after every finished host.
public struct FleetProgress: Sendable, Hashable {
    public var total: Int
    public var done: Int
    public var failed: Int
    public var elapsedSeconds: Double
    /// The host that just finished.
    public var lastHost: String

    public init(total: Int, done: Int, failed: Int, elapsedSeconds: Double, lastHost: String) {
        self.total = total
        self.done = done
        self.failed = failed
        self.elapsedSeconds = elapsedSeconds
        self.lastHost = lastHost
    }
}
