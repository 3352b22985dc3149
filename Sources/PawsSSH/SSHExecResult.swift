/// How a remote command ended.
public enum SSHExitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The command exited with this status (0 is success; any other value is still just data).
    case exited(Int32)
    /// The command was killed by a signal, named without the `SIG` prefix (e.g. `KILL`).
    case killedBySignal(String, coreDumped: Bool)
    /// The channel closed without an exit status or signal (the server did not send one).
    case unknown

    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .killedBySignal(let name, let coreDumped): "killed by SIG\(name)\(coreDumped ? " (core dumped)" : "")"
        case .unknown: "no exit status reported"
        }
    }
}

/// What one `exec` returned: both output streams in full and the exit status.
public struct SSHExecResult: Sendable, Hashable {
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    public var exitStatus: SSHExitStatus

    public init(stdout: [UInt8], stderr: [UInt8], exitStatus: SSHExitStatus) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
    }

    /// The exit code, or nil when the command was killed or no status was reported.
    public var exitCode: Int32? {
        if case .exited(let code) = exitStatus { return code }
        return nil
    }

    /// stdout decoded as UTF-8, invalid bytes replaced.
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// stderr decoded as UTF-8, invalid bytes replaced.
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
