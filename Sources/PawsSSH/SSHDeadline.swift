import CLibSSH

/// A point in time a whole phase of work must finish by.
///
/// libssh's blocking calls each wait at most the session timeout (`SSH_OPTIONS_TIMEOUT` +
/// `SSH_OPTIONS_TIMEOUT_USEC`, read afresh by every call, including channel calls, which use it
/// whenever it is set). Setting that timeout to the time left before every blocking call makes
/// a chain of calls — connect, key exchange, authentication, or a whole exec — end by one
/// deadline instead of each call getting the full budget again.
struct SSHDeadline {
    let start: ContinuousClock.Instant
    let budget: Duration

    init(budget: Duration) {
        self.start = .now
        self.budget = budget
    }

    var end: ContinuousClock.Instant { start + budget }
    var elapsed: Duration { start.duration(to: .now) }
    var remaining: Duration { max(.zero, ContinuousClock.now.duration(to: end)) }
    /// Less than a millisecond left counts as expired: libssh reads a zero timeout as "default".
    var isExpired: Bool { remaining < .milliseconds(1) }

    /// Milliseconds left, for `poll(2)`, capped so a wait wakes up periodically.
    func remainingMilliseconds(cappedAt cap: Int) -> Int32 {
        let components = remaining.components
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: min(max(milliseconds, 1), Int64(cap)))
    }

    /// Bounds the next blocking libssh call on `session` by the time left (at least 1 ms).
    func applyAsLibsshTimeout(to session: ssh_session) {
        LibsshTimeout.set(remaining, on: session)
    }
}

/// Sets a libssh session's blocking-call timeout.
enum LibsshTimeout {
    static func set(_ duration: Duration, on session: ssh_session) {
        let components = duration.components
        let totalMicroseconds = max(
            1000, components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000)
        var seconds = Int(totalMicroseconds / 1_000_000)
        var microseconds = Int(totalMicroseconds % 1_000_000)
        ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &seconds)
        ssh_options_set(session, SSH_OPTIONS_TIMEOUT_USEC, &microseconds)
    }
}
