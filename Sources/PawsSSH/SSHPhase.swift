/// The step of a session a failure or timeout happened in.
public enum SSHPhase: String, Sendable, Hashable, CustomStringConvertible {
    /// TCP connect (a black-holed host stays here).
    case connect
    /// Waiting for the server's `SSH-2.0-...` identification line.
    case banner
    /// Key exchange, up to the point the host key is known.
    case kex
    /// User authentication.
    case auth
    /// Running a command on a channel.
    case exec

    public var description: String {
        switch self {
        case .connect: "TCP connect"
        case .banner: "waiting for the SSH banner"
        case .kex: "key exchange"
        case .auth: "authentication"
        case .exec: "command execution"
        }
    }
}
