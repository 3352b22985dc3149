/// What a finished (or timed-out) child process left behind.
struct ProcessOutcome: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
    /// True when the process was killed because it ran past its timeout.
    let timedOut: Bool

    var succeeded: Bool { status == 0 && !timedOut }
}
