/// A remote address with connections into one of the host's listening ports: the clients a
/// tw_recycle server keeps per-peer timestamps for. Many connections from one address are the
/// mark of clients behind NAT sharing it.
public struct InboundPeer: Sendable, Hashable, CustomStringConvertible {
    /// The peer address, IPv4-mapped addresses written as IPv4.
    public let address: String
    public let connections: Int
    /// The local listening ports the connections go to, sorted.
    public let ports: [UInt16]

    public init(address: String, connections: Int, ports: [UInt16]) {
        self.address = address
        self.connections = connections
        self.ports = ports
    }

    public var description: String {
        "\(address): \(connections) connection\(connections == 1 ? "" : "s") to port\(ports.count == 1 ? "" : "s") "
            + ports.map(String.init).joined(separator: ", ")
    }
}

extension TCPSocketTable {
    /// The remote addresses of connections into listening ports, most connections first.
    ///
    /// A connection is inbound when its local port has a listener on the same address or on
    /// the wildcard address; an outgoing connection's local port is an ephemeral one with no
    /// listener. Pass the entries of `/proc/net/tcp` and `/proc/net/tcp6` together: an IPv4
    /// client of a dual-stack listener appears in tcp6 with an IPv4-mapped address and is
    /// counted under its IPv4 address.
    public static func inboundPeers(
        _ entries: [TCPSocketEntry], states: Set<TCPState> = [.established]
    ) -> [InboundPeer] {
        let listeners = entries.filter { $0.state == .listen }.map(\.local)
        let listenerKeys = Set(listeners.map { ListenerKey(address: $0.peerAddress, port: $0.port) })
        let wildcardPorts = Set(listeners.filter(\.isWildcard).map(\.port))

        var connections: [String: Int] = [:]
        var ports: [String: Set<UInt16>] = [:]
        for entry in entries where states.contains(entry.state) {
            let port = entry.local.port
            guard wildcardPorts.contains(port)
                || listenerKeys.contains(ListenerKey(address: entry.local.peerAddress, port: port)) else { continue }
            let peer = entry.remote.peerAddress
            connections[peer, default: 0] += 1
            ports[peer, default: []].insert(port)
        }
        return connections
            .map { InboundPeer(address: $0.key, connections: $0.value, ports: (ports[$0.key] ?? []).sorted()) }
            .sorted { ($0.connections, $1.address) > ($1.connections, $0.address) }
    }

    private struct ListenerKey: Hashable {
        let address: String
        let port: UInt16
    }
}
