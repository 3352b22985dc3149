import Foundation
import PawsCore

/// Runs one blocking job per host, `concurrency` at a time, each on a dedicated thread.
///
/// A job must never throw past the runner: it returns an outcome that says what happened to
/// its host, so one failing host never stops the rest of the fleet.
public struct FleetRunner: Sendable {
    public var concurrency: Int

    public init(concurrency: Int) {
        self.concurrency = max(1, concurrency)
    }

    /// Returns the outcomes in the order of `hosts`.
    public func run<Outcome: Sendable>(
        hosts: [InventoryHost],
        isFailure: @escaping @Sendable (Outcome) -> Bool = { _ in false },
        progress: (@Sendable (FleetProgress) -> Void)? = nil,
        job: @escaping @Sendable (InventoryHost) -> Outcome
    ) async -> [Outcome] {
        guard !hosts.isEmpty else { return [] }
        let pool = DedicatedThreadPool(size: min(concurrency, hosts.count))
        defer { pool.shutdown() }
        let started = ContinuousClock.now
        let tally = ProgressTally()
        let results = await withTaskGroup(of: (Int, Outcome).self) { group in
            for (index, host) in hosts.enumerated() {
                group.addTask {
                    let outcome = await pool.run { job(host) }
                    if let progress {
                        let (done, failed) = tally.record(failed: isFailure(outcome))
                        let elapsed = started.duration(to: .now)
                        progress(FleetProgress(
                            total: hosts.count, done: done, failed: failed,
                            elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                            lastHost: host.name))
                    }
                    return (index, outcome)
                }
            }
            var ordered = [Outcome?](repeating: nil, count: hosts.count)
            for await (index, outcome) in group { ordered[index] = outcome }
            return ordered
        }
        return results.compactMap { $0 }
    }
}

private final class ProgressTally: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var failed = 0

    func record(failed isFailure: Bool) -> (done: Int, failed: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if isFailure { failed += 1 }
        return (done, failed)
    }
}
