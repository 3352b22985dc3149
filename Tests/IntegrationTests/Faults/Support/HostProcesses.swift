import Foundation

/// The processes of a test host (its sshd and everything its sessions started: they share the host's
/// mount namespace) and the machine's process table, read from /proc.
enum HostProcesses {
    /// Pids whose mount namespace is `host`'s (its sshd's), the sshd included.
    static func pids(of host: FleetHost) -> [Int32] {
        guard let pid = host.pid, let namespace = mountNamespace(of: pid) else { return [] }
        return allPids().filter { mountNamespace(of: $0) == namespace }
    }

    /// Waits until only the host's sshd listener is left: the sessions of a client that went away (and
    /// whatever they ran) have finished, so what they leave on disk is final.
    static func waitForIdle(_ host: FleetHost, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while pids(of: host).filter({ !isZombie($0) }).count > 1 {
            guard Date() < deadline else {
                let lines = commandLines()
                let busy = pids(of: host).map { "\($0): \(lines[$0]?.prefix(120) ?? "")" }
                throw FaultTestError.timedOut("\(host.name) still runs sessions: \(busy)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// SIGKILLs every process of the host at once, as when the machine's OOM killer or an operator's
    /// `kill -9` takes sshd and its sessions down. The host's live values go with its namespace, so they
    /// are saved first to where `testfleet restart-host` reads them (a real kernel keeps its values).
    static func killAll(of host: FleetHost, fleet: TestFleet) throws {
        try saveLiveValues(of: host, fleet: fleet)
        let victims = pids(of: host)
        for pid in victims { kill(pid, SIGKILL) }
        let deadline = Date().addingTimeInterval(10)
        while victims.contains(where: { kill($0, 0) == 0 && !isZombie($0) }) {
            guard Date() < deadline else { throw FaultTestError.timedOut("processes of \(host.name) survived SIGKILL") }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    private static func saveLiveValues(of host: FleetHost, fleet: TestFleet) throws {
        let root = fleet.rootPath(of: host)
        for folder in ["net/ipv4", "net/core"] {
            let source = root + "/proc/sys/" + folder
            let destination = "\(fleet.stateDirectory)/hosts/\(host.name)/live/\(folder)"
            try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source) {
                let value = try Data(contentsOf: URL(fileURLWithPath: source + "/" + name))
                try value.write(to: URL(fileURLWithPath: destination + "/" + name))
            }
        }
    }

    /// Every process's command line on this machine (the test hosts share its pid namespace, so a
    /// remote command pawsguard started on a host is here too), NUL separators shown as spaces.
    static func commandLines() -> [Int32: String] {
        var lines: [Int32: String] = [:]
        for pid in allPids() {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            lines[pid] = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        }
        return lines
    }

    static func environment(of pid: Int32) -> String {
        FileManager.default.contents(atPath: "/proc/\(pid)/environ").map { String(decoding: $0.map { $0 == 0 ? 0x0A : $0 }, as: UTF8.self) } ?? ""
    }

    private static func allPids() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap(Int32.init)
    }

    private static func mountNamespace(of pid: Int32) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/mnt")
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
