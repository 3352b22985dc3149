import Foundation

/// Reads a pipe to its end on a thread of its own and keeps what arrived, so a reader can take the output
/// even when the pipe never closes (a grandchild that kept it open must not hang a test).
final class OutputCollector: @unchecked Sendable {
    // `data` and `finished` are guarded by `condition`; @unchecked because the compiler cannot see that.
    private let condition = NSCondition()
    private var data = Data()
    private var finished = false

    static func draining(_ handle: FileHandle) -> OutputCollector {
        let collector = OutputCollector()
        Thread.detachNewThread {
            while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
                collector.append(chunk)
            }
            collector.finish()
        }
        return collector
    }

    /// Everything read so far, after waiting up to `seconds` for the end of the stream.
    func text(waitingUpTo seconds: TimeInterval) -> String {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !finished, condition.wait(until: deadline) {}
        return String(decoding: data, as: UTF8.self)
    }

    private func append(_ chunk: Data) {
        condition.lock()
        data.append(chunk)
        condition.unlock()
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
