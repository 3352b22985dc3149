/// What became of one host in an apply run.
public enum ApplyOutcome: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Dry run: these changes would be made.
    case planned
    /// Already right: nothing to change.
    case unchanged
    /// Changed, and verification re-read the live value and both persisted values: all right.
    case verified
    /// Changed, then restored because verification or a later change failed. Counts as a failure.
    case rolledBack = "rolled-back"
    /// Left alone on purpose: a file changed since the probe, another run holds the lock, no safe plan...
    case skipped
    /// Something went wrong; the reason says whether anything may have changed.
    case failed
    /// The rollout stopped (`--max-failures`) before reaching this host.
    case notTouched = "not-touched"

    public var isFailure: Bool {
        switch self {
        case .rolledBack, .failed: return true
        case .planned, .unchanged, .verified, .skipped, .notTouched: return false
        }
    }

    public var description: String { rawValue }
}
