import Foundation

/// Set when the operator asks a rollout to stop (Ctrl-C, SIGTERM). A host in the middle of its
/// changes undoes them and no new host is started; what is done and verified stays.
public final class StopRequest: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var reason: String?

    public init() {}

    public func request(_ why: String) {
        lock.lock()
        defer { lock.unlock() }
        if reason == nil { reason = why }
    }

    /// Why the stop was asked for, or nil while the run may go on.
    public var requested: String? {
        lock.lock()
        defer { lock.unlock() }
        return reason
    }
}
