import CLibSSH

/// Runs one command on one fresh session channel: open, exec, pump stdin/stdout/stderr,
/// collect the exit status, close. Everything is bounded by the exec deadline.
struct ChannelExecutor {
    let session: ssh_session
    let endpoint: SSHEndpoint
    let deadline: SSHDeadline
    let maxOutputBytes: Int

    func run(command: String, stdin: [UInt8]?) throws -> SSHExecResult {
        try checkDeadline()
        deadline.applyAsLibsshTimeout(to: session)
        guard let channel = ssh_channel_new(session) else {
            throw failure("creating a channel")
        }
        let exitSignal = ChannelExitSignalRecorder()
        defer { release(channel, keepingAlive: exitSignal) }

        try openSession(channel)
        exitSignal.install(on: channel)
        try checkDeadline()
        deadline.applyAsLibsshTimeout(to: session)
        guard ssh_channel_request_exec(channel, command) == SSH_OK else {
            throw failure("starting the command")
        }

        var pump = ChannelStreamPump(
            session: session, channel: channel, endpoint: endpoint, deadline: deadline,
            maxOutputBytes: maxOutputBytes, command: command)
        let output = try pump.run(stdin: stdin ?? [])

        try checkDeadline()
        deadline.applyAsLibsshTimeout(to: session)
        let status = ssh_channel_get_exit_status(channel)
        let exitStatus: SSHExitStatus
        if status >= 0 {
            exitStatus = .exited(Int32(truncatingIfNeeded: status))
        } else if let signal = exitSignal.signal {
            exitStatus = .killedBySignal(signal, coreDumped: exitSignal.coreDumped)
        } else {
            try checkDeadline()
            exitStatus = .unknown
        }
        return SSHExecResult(stdout: output.stdout, stderr: output.stderr, exitStatus: exitStatus)
    }

    /// Opens the session channel. libssh sends the request in non-blocking mode, so that quick
    /// ACKs can be switched on after it left (see `SessionSocket.acknowledgeNextSegmentsImmediately`;
    /// set before the send, sending would switch them off again), and we wait for the answer
    /// ourselves, bounded by the deadline.
    private func openSession(_ channel: ssh_channel) throws {
        ssh_set_blocking(session, 0)
        defer { ssh_set_blocking(session, 1) }
        var status = ssh_channel_open_session(channel)
        SessionSocket.acknowledgeNextSegmentsImmediately(session)
        while status == SSH_AGAIN {
            try checkDeadline()
            SessionSocket.wait(session, until: deadline)
            status = ssh_channel_open_session(channel)
        }
        guard status == SSH_OK else {
            throw failure("opening a session channel")
        }
    }

    private func checkDeadline() throws {
        if deadline.isExpired {
            throw SSHError.timedOut(endpoint: endpoint, phase: .exec, after: deadline.elapsed)
        }
    }

    private func failure(_ operation: String) -> SSHError {
        ExecFailure.make(operation, session: session, endpoint: endpoint, deadline: deadline)
    }

    /// Closing sends EOF and CLOSE and flushes; a stalled server must not hold us past a short grace.
    private func release(_ channel: ssh_channel, keepingAlive exitSignal: ChannelExitSignalRecorder) {
        LibsshTimeout.set(min(max(deadline.remaining, .milliseconds(200)), .seconds(2)), on: session)
        ssh_channel_close(channel)
        exitSignal.remove(from: channel)
        ssh_channel_free(channel)
    }
}
