import Foundation

/// Makes a test host's TcpExt counters grow while an audit runs, the way a server's do while it
/// drops SYNs: a background thread rewrites the host's proc-net/netstat copy (the file the probe
/// reads through PAWSGUARD_PROC_NET) every `period`, adding `growth` to the named counters.
///
/// It keeps growing for as long as it runs, so whenever the probe takes its two samples, the
/// second one is higher: no race with the probe's start-up time.
final class GrowingNetstat: @unchecked Sendable {
    // `stopped` and `generation` are guarded by `lock`; the thread only reads `path` and `growth`.
    private let lock = NSLock()
    private let path: String
    private let growth: [String: UInt64]
    private let period: TimeInterval
    private var stopped = false
    private var generation: UInt64 = 0
    private let finished = DispatchSemaphore(value: 0)

    /// `growth`: counter name → how much it grows per period. Every named counter must be a column
    /// of the file's `TcpExt:` header.
    init(path: String, growth: [String: UInt64], period: TimeInterval = 0.2) {
        self.path = path
        self.growth = growth
        self.period = period
    }

    func start() {
        Thread.detachNewThread { [self] in
            while !isStopped() {
                rewriteOnce()
                Thread.sleep(forTimeInterval: period)
            }
            finished.signal()
        }
    }

    /// Stops the thread and waits for it; returns how many times the file was rewritten.
    @discardableResult
    func stop() -> UInt64 {
        lock.lock()
        stopped = true
        lock.unlock()
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return generation
    }

    private func isStopped() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func rewriteOnce() {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let updated = NetstatText.adding(growth, to: text)
        // Write beside the file and rename over it: the probe's `cat` sees the old or the new file, never half.
        let temporary = path + ".growing"
        guard (try? updated.write(toFile: temporary, atomically: false, encoding: .utf8)) != nil,
            rename(temporary, path) == 0
        else { return }
        lock.lock()
        generation += 1
        lock.unlock()
    }
}

/// Reads and edits the TcpExt section of /proc/net/netstat text.
enum NetstatText {
    /// `text` with each named TcpExt counter raised by its amount; everything else unchanged.
    static func adding(_ amounts: [String: UInt64], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("TcpExt:") }), header + 1 < lines.count else {
            return text
        }
        let names = lines[header].split(separator: " ").dropFirst().map(String.init)
        var values = lines[header + 1].split(separator: " ").dropFirst().map(String.init)
        for (index, name) in names.enumerated() where index < values.count {
            if let amount = amounts[name], let value = UInt64(values[index]) {
                values[index] = String(value + amount)
            }
        }
        lines[header + 1] = (["TcpExt:"] + values).joined(separator: " ")
        return lines.joined(separator: "\n")
    }

    /// The TcpExt counters of `text` by name.
    static func counters(_ text: String) -> [String: UInt64] {
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("TcpExt:") }), header + 1 < lines.count else { return [:] }
        let names = lines[header].split(separator: " ").dropFirst().map(String.init)
        let values = lines[header + 1].split(separator: " ").dropFirst().compactMap { UInt64($0) }
        return Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
    }
}
