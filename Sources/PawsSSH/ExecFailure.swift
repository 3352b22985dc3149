import CLibSSH

/// What a failed libssh channel call during `exec` means: the deadline ran out, the
/// connection is gone, or the channel itself failed.
enum ExecFailure {
    static func make(
        _ operation: String, session: ssh_session, endpoint: SSHEndpoint, deadline: SSHDeadline
    ) -> SSHError {
        if deadline.isExpired {
            return .timedOut(endpoint: endpoint, phase: .exec, after: deadline.elapsed)
        }
        let reason = LibsshError.message(session)
        if ssh_is_connected(session) == 0 {
            return .connectionLost(endpoint: endpoint, operation: operation, reason: reason)
        }
        return .channel(endpoint: endpoint, operation: operation, reason: reason)
    }
}
