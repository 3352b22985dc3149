import Foundation

/// A fixed set of OS threads for blocking work.
///
/// libssh's calls block and a session must stay on one thread, so each host's whole flow runs
/// as one work item here, never on Swift's cooperative pool (which has one thread per core and
/// would serialise a fleet behind a few slow hosts).
public final class DedicatedThreadPool: Sendable {
    private let workQueue = WorkQueue()
    public let size: Int

    /// - Parameter stackSize: bytes per thread; libssh needs little, and hundreds of threads
    ///   should not reserve 8 MiB each.
    public init(size: Int, name: String = "pawsguard-host", stackSize: Int = 1 << 20) {
        self.size = max(1, size)
        for index in 0..<self.size {
            let queue = workQueue
            let thread = Thread { queue.workLoop() }
            thread.name = "\(name)-\(index)"
            thread.stackSize = stackSize
            thread.start()
        }
    }

    deinit {
        workQueue.shutdown()
    }

    /// Queues `work`; it runs on one of the pool's threads, start to finish.
    public func submit(_ work: @escaping @Sendable () -> Void) {
        workQueue.push(work)
    }

    /// Runs `work` on a pool thread and resumes with its result.
    public func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: work()) }
        }
    }

    /// Lets the threads exit once the queued work is done.
    public func shutdown() {
        workQueue.shutdown()
    }
}

/// The pool's shared queue; the threads hold it, so it outlives the pool object.
private final class WorkQueue: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var items: [@Sendable () -> Void] = []
    private var head = 0
    private var shuttingDown = false

    func push(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        items.append(work)
        condition.signal()
        condition.unlock()
    }

    func shutdown() {
        condition.lock()
        shuttingDown = true
        condition.broadcast()
        condition.unlock()
    }

    func workLoop() {
        while let work = next() { work() }
    }

    private func next() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !shuttingDown { condition.wait() }
        guard head < items.count else { return nil }
        let work = items[head]
        head += 1
        if head >= 1024, head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return work
    }
}
