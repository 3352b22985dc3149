import Foundation
import PawsFleet

/// `[#####.....] 120/200 hosts, 3 failed, 4.2s` on stderr, redrawn in place; only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: FleetProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard progress.done == progress.total || lastDraw.duration(to: now) > .milliseconds(80) else { return }
        lastDraw = now
        let width = 30
        let filled = progress.total == 0 ? width : progress.done * width / progress.total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let failed = progress.failed > 0 ? ", \(progress.failed) failed" : ""
        Terminal.err("\r\u{1B}[2K[\(bar)] \(progress.done)/\(progress.total) hosts\(failed), \(String(format: "%.1f", progress.elapsedSeconds))s")
    }

    func finish() {
        guard enabled else { return }
        Terminal.err("\r\u{1B}[2K")
    }
}
