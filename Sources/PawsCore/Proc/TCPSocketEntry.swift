/// One line of `/proc/net/tcp` or `/proc/net/tcp6`.
public struct TCPSocketEntry: Sendable, Hashable, CustomStringConvertible {
    public let local: TCPEndpoint
    public let remote: TCPEndpoint
    public let state: TCPState
    /// Owner of the socket, when the line has the column.
    public let uid: UInt32?
    /// Socket inode, when the line has the column (0 for TIME_WAIT entries).
    public let inode: UInt64?
    /// 1-based line number in the text it was parsed from.
    public let line: Int

    public init(local: TCPEndpoint, remote: TCPEndpoint, state: TCPState, uid: UInt32?, inode: UInt64?, line: Int) {
        self.local = local
        self.remote = remote
        self.state = state
        self.uid = uid
        self.inode = inode
        self.line = line
    }

    public var description: String { "\(local) -> \(remote) \(state)" }
}
