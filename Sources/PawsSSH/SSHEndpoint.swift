/// Where a session goes, as the caller named it and as libssh resolved it through the ssh config.
public struct SSHEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The host as the caller gave it (may be an ssh config alias).
    public var host: String
    /// The name or address actually connected to (the config's `HostName`, else `host`).
    public var hostname: String
    public var port: Int
    public var user: String

    public init(host: String, hostname: String? = nil, port: Int, user: String) {
        self.host = host
        self.hostname = hostname ?? host
        self.port = port
        self.user = user
    }

    /// The name known_hosts files use for this endpoint: `host`, or `[host]:port` off port 22.
    public var knownHostsName: String {
        port == 22 ? hostname : "[\(hostname)]:\(port)"
    }

    public var description: String {
        let base = "\(user)@\(host):\(port)"
        return hostname == host ? base : "\(base) (HostName \(hostname))"
    }
}
