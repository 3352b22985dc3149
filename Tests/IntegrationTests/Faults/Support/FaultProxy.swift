import Foundation

/// `scripts/faultproxy` between pawsguard and one test host's sshd: it listens on a free address of the
/// fleet and does to each new connection what its rule says (see `scripts/faultproxy --help`).
final class FaultProxy {
    let address: String
    let port: Int
    /// The fleet host behind the proxy: its host key is the one known_hosts must list for the proxy.
    let target: FleetHost
    private let controlPath: String
    private let logPath: String
    private let process = Process()

    init(listen address: String, port: Int, target: FleetHost, directory: String, rule: String) throws {
        self.address = address
        self.port = port
        self.target = target
        controlPath = directory + "/control"
        logPath = directory + "/log"
        let readyPath = directory + "/ready"
        try Self.writeAtomically(rule, to: controlPath)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            RepositoryLayout.root.appendingPathComponent("scripts/faultproxy").path,
            "--listen", "\(address):\(port)", "--target", "\(target.address):\(target.port)",
            "--control", controlPath, "--ready", readyPath, "--log", logPath,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorPath = directory + "/stderr"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: readyPath) {
            guard process.isRunning, Date() < deadline else {
                let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
                stop()
                throw FaultTestError.fleet("faultproxy on \(address):\(port) did not start: \(stderr)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// What the next connections get: `pass`, `nobanner`, `stall-kex`, `stall-after DIR N`,
    /// `cut-after DIR N` or `cut`, with an optional `skip=K`.
    func set(_ rule: String) throws {
        try Self.writeAtomically(rule, to: controlPath)
    }

    /// Resets every connection open now (a network cut), whatever the rule.
    func cutNow() {
        kill(process.processIdentifier, SIGUSR1)
    }

    /// The proxy's log: one line per rule change and per finished connection.
    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Waits until the log has a line containing `needle` (a connection ended that way).
    func waitForLog(_ needle: String, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !log.contains(needle) {
            guard Date() < deadline else { throw FaultTestError.timedOut("faultproxy log never showed '\(needle)': \(log)") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    private static func writeAtomically(_ text: String, to path: String) throws {
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        guard rename(path + ".tmp", path) == 0 else { throw FaultTestError.fleet("cannot rename \(path).tmp: errno \(errno)") }
    }
}
