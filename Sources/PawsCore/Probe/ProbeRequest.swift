/// What one probe run collects from a host.
public struct ProbeRequest: Sendable, Hashable {
    /// Dotted sysctl keys whose live values are read from `/proc/sys`.
    public var keys: [String]
    /// When set, `/proc/net/netstat` is read twice, this many seconds apart.
    public var sampleIntervalSeconds: Int?
    /// Random per run so that file contents on the host cannot forge a section header.
    public var boundary: String
    /// Read `/proc/net/tcp` and `/proc/net/tcp6`: only needed to match established peers against
    /// an inventory's `nat_sources`, and costly on a busy host (the kernel walks its whole
    /// connection hash table for each file).
    public var readsSocketTables: Bool

    public init(
        keys: [String], sampleIntervalSeconds: Int? = nil, boundary: String = ProbeRequest.randomBoundary(),
        readsSocketTables: Bool = true
    ) {
        self.keys = keys
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.boundary = boundary
        self.readsSocketTables = readsSocketTables
    }

    /// `PGB` followed by 32 random hex digits.
    public static func randomBoundary() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return "PGB" + String((0..<32).map { _ in digits[Int(generator.next() % 16)] })
    }
}
