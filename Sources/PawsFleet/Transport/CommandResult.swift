/// What a remote (or local) command produced. A non-zero exit is data, not an error.
public struct CommandResult: Sendable, Hashable {
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// The exit status, or nil when the command was killed by a signal or gave none.
    public var exitStatus: Int32?

    public init(stdout: [UInt8], stderr: [UInt8], exitStatus: Int32?) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
    }

    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}
