import Foundation
import PawsCore
import XCTest

/// One fault test's workspace on a `FaultFleet`: the inventory and known_hosts it wrote, and a journal
/// folder (`XDG_STATE_HOME`) of its own, so its runs are the only ones `runs` and `rollback` see.
final class FaultCase {
    /// One inventory line and, when the host has a key to check, its known_hosts line.
    struct Entry {
        var name: String
        var address: String
        var port: Int
        var user = "root"
        /// nil: the fleet's client key.
        var keyFile: String?
        /// `ssh-ed25519 AAAA...` listed for `[address]:port`; nil lists nothing.
        var knownKey: String?
        /// Appended verbatim to the inventory line.
        var extraVariables = ""
    }

    let fleet: FaultFleet
    let directory: String
    let stateHome: String
    let inventoryPath: String
    let knownHostsPath: String
    /// Folder on the hosts for backups: `/run` is each host's own overlay (`/var` would be the machine's).
    static let backupDirectory = "/run/pawsguard-backups"

    init(fleet: FaultFleet, name: String) throws {
        self.fleet = fleet
        let slug = name.filter { $0.isLetter || $0.isNumber }.prefix(60)
        directory = "\(fleet.workDirectory)/\(slug)-\(UUID().uuidString.prefix(6))"
        stateHome = directory + "/state"
        inventoryPath = directory + "/inventory.ini"
        knownHostsPath = directory + "/known_hosts"
        try FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
    }

    // MARK: Inventory

    /// An up fleet host, reached directly, its current key known.
    func direct(_ name: String, user: String = "root") throws -> Entry {
        let host = try fleet.host(name)
        return Entry(name: name, address: host.address, port: host.port, user: user, knownKey: try fleet.hostKey(name))
    }

    /// The proxy's target host, reached through the proxy (its key listed for the proxy's address).
    func through(_ proxy: FaultProxy, as name: String? = nil) throws -> Entry {
        Entry(name: name ?? proxy.target.name, address: proxy.address, port: proxy.port, knownKey: try fleet.hostKey(proxy.target.name))
    }

    /// A fleet host that is not an sshd (closed, blackhole, nobanner): nothing to list in known_hosts.
    func unreachable(_ name: String) throws -> Entry {
        let host = try fleet.host(name)
        return Entry(name: name, address: host.address, port: host.port)
    }

    /// Writes the inventory and known_hosts for `entries`, in that order.
    func use(_ entries: [Entry]) throws {
        var inventory = "# written by the fault test \(directory)\n"
        var knownHosts = ""
        for entry in entries {
            inventory += "\(entry.name) ansible_host=\(entry.address) ansible_port=\(entry.port) ansible_user=\(entry.user)"
            inventory += " ansible_ssh_private_key_file=\(entry.keyFile ?? fleet.fleet.clientKeyPath)"
            if !entry.extraVariables.isEmpty { inventory += " " + entry.extraVariables }
            inventory += "\n"
            if let key = entry.knownKey { knownHosts += "[\(entry.address)]:\(entry.port) \(key)\n" }
        }
        try Data(inventory.utf8).write(to: URL(fileURLWithPath: inventoryPath))
        try Data(knownHosts.utf8).write(to: URL(fileURLWithPath: knownHostsPath))
    }

    var connectionArguments: [String] {
        ["-i", inventoryPath, "--known-hosts", knownHostsPath, "--no-agent", "--no-ssh-config"]
    }

    var environment: [String: String] { ["XDG_STATE_HOME": stateHome] }

    // MARK: Runs

    /// `pawsguard apply --yes --format json` with the fault suite's defaults (2 s connect timeout, backups
    /// in /run, the rollout going on past failed hosts) and `extra` after them.
    func apply(_ extra: [String] = [], environment extraEnvironment: [String: String] = [:], timeout: TimeInterval = 120,
               file: StaticString = #filePath, line: UInt = #line) -> ApplyRun {
        let result = Pawsguard.run(
            applyArguments(extra), environment: environment.merging(extraEnvironment) { $1 }, timeout: timeout, file: file, line: line)
        return ApplyRun(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// The same apply, started in the background (to disturb or kill it mid-run).
    func startApply(_ extra: [String] = [], environment extraEnvironment: [String: String] = [:]) throws -> RunningPawsguard {
        try RunningPawsguard(arguments: applyArguments(extra), environment: environment.merging(extraEnvironment) { $1 })
    }

    private func applyArguments(_ extra: [String]) -> [String] {
        ["apply"] + connectionArguments + [
            "--yes", "--format", "json", "--backup-dir", Self.backupDirectory, "--connect-timeout", "2", "--timeout", "20",
            "--max-failures", "10",
        ] + extra
    }

    func audit(_ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> AuditRun {
        Pawsguard.audit(
            ["audit"] + connectionArguments + ["--format", "json", "--connect-timeout", "2", "--timeout", "20"] + extra,
            environment: environment, file: file, line: line)
    }

    /// `pawsguard rollback RUN-ID` with this case's known_hosts (hosts as the journal recorded them).
    func rollback(_ runID: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line)
        -> (status: Int32, stdout: String, stderr: String)
    {
        Pawsguard.run(
            ["rollback", runID, "--known-hosts", knownHostsPath, "--no-agent", "--no-ssh-config", "--connect-timeout", "5"] + extra,
            environment: environment, file: file, line: line)
    }

    func pawsguard(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        Pawsguard.run(arguments, environment: environment, file: file, line: line)
    }

    // MARK: Journal

    var runsDirectory: String { stateHome + "/pawsguard/runs" }

    func runIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? []).sorted()
    }

    func journalText(_ runID: String) -> String {
        FileManager.default.contents(atPath: "\(runsDirectory)/\(runID)/journal.jsonl").map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The journal's records; a torn last line (a process killed while writing it) is left out, as
    /// pawsguard itself does.
    func journal(_ runID: String) -> [JournalRecord] {
        journalText(runID).split(separator: "\n").compactMap { try? JournalRecord.decode(line: Array($0.utf8)) }
    }

    /// Waits until this case's only run's journal satisfies `condition`; returns the run id.
    func waitForJournal(timeout: TimeInterval = 60, what: String, where condition: ([JournalRecord]) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let runID = runIDs().last, condition(journal(runID)) { return runID }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw FaultTestError.timedOut("the journal never showed \(what) within \(Int(timeout)) s: \(runIDs().last.map(journalText) ?? "no run")")
    }

    /// Waits until this case's only run has `count` journal lines containing `needle`; returns its id.
    func waitForJournal(_ needle: String, count: Int = 1, timeout: TimeInterval = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let runID = runIDs().last, journalText(runID).components(separatedBy: needle).count - 1 >= count { return runID }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw FaultTestError.timedOut("the journal never showed \(count)× \(needle) within \(Int(timeout)) s: \(runIDs().last.map(journalText) ?? "no run")")
    }
}

/// A finished `pawsguard apply --format json`.
struct ApplyRun {
    let status: Int32
    let stdout: String
    let stderr: String

    var report: ApplyReport? {
        try? JSONDecoder().decode(ApplyReport.self, from: Data(stdout.utf8))
    }

    func requireReport(file: StaticString = #filePath, line: UInt = #line) throws -> ApplyReport {
        guard let report else {
            XCTFail("no JSON apply report (status \(status)); stderr: \(stderr)\nstdout: \(stdout.prefix(2000))", file: file, line: line)
            throw FaultTestError.report("no JSON apply report")
        }
        return report
    }

    func requireHost(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> HostApplyResult {
        let report = try requireReport(file: file, line: line)
        guard let host = report.hosts.first(where: { $0.host == name }) else {
            XCTFail("\(name) is not in the apply report: \(report.hosts.map(\.host))", file: file, line: line)
            throw FaultTestError.report("\(name) missing")
        }
        return host
    }
}

extension [JournalRecord] {
    /// How many records of `host` match `kind`: "fileIntent", "liveIntent", "changeDone", "hostFinished"...
    func count(_ kind: String, host: String) -> Int {
        filter { record in
            switch record.event {
            case .fileIntent(let name, _, _): return kind == "fileIntent" && name == host
            case .liveIntent(let name, _, _): return kind == "liveIntent" && name == host
            case .changeDone(let name, _): return kind == "changeDone" && name == host
            case .changeFailed(let name, _, _, _): return kind == "changeFailed" && name == host
            case .hostStarted(let inventoryHost, _): return kind == "hostStarted" && inventoryHost.name == host
            case .hostFinished(let name, _, _): return kind == "hostFinished" && name == host
            default: return false
            }
        }.count
    }

    var isFinished: Bool {
        contains { if case .runFinished = $0.event { return true } else { return false } }
    }
}
