/// One host of a running test fleet, as `scripts/testfleet` recorded it in `hosts.tsv`.
struct FleetHost: Sendable, Equatable {
    enum State: String, Sendable {
        /// A real sshd in its own mount namespace.
        case up
        /// Nothing listens: connections are refused.
        case closed
        /// SYNs are silently dropped: connect() hangs until the client's timeout.
        case blackhole
        /// Accepts TCP connections and never sends an SSH banner.
        case nobanner
    }

    let name: String
    let address: String
    let port: Int
    let state: State
    /// The sshd (up) or listener (blackhole, nobanner) process; nil for a closed host.
    let pid: Int32?
}
