import Foundation
import XCTest

/// A test fleet from `Tests/Scenarios/apply` with its own journal folder (`XDG_STATE_HOME`), and
/// ways to read every host file byte, mode, owner and mtime as the host sees it.
///
/// Backups go to `/run/pawsguard-backups` on the hosts: `/run` is a per-host overlay in the test
/// fleet, while `/var` (the default `/var/backups/pawsguard`) would be the machine's own.
final class ApplyFleet {
    let fleet: TestFleet
    let stateHome: String
    static let backupDirectory = "/run/pawsguard-backups"

    init(hosts: [String]) throws {
        fleet = try TestFleet.start(scenario: "apply", hosts: hosts)
        stateHome = FileManager.default.temporaryDirectory.path + "/pawsguard-apply-state-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: stateHome, withIntermediateDirectories: true)
    }

    deinit {
        fleet.stop()
        try? FileManager.default.removeItem(atPath: stateHome)
    }

    var connectionArguments: [String] { ["-i", fleet.inventoryPath, "--known-hosts", fleet.knownHostsPath] }
    var environment: [String: String] { ["XDG_STATE_HOME": stateHome] }

    /// `pawsguard apply -i … --yes --backup-dir /run/pawsguard-backups` plus `extra`.
    func apply(_ extra: [String] = [], yes: Bool = true, environment extraEnvironment: [String: String] = [:],
               file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        Pawsguard.run(
            ["apply"] + connectionArguments + ["--backup-dir", Self.backupDirectory] + (yes ? ["--yes"] : []) + extra,
            environment: environment.merging(extraEnvironment) { $1 }, file: file, line: line)
    }

    func pawsguard(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        Pawsguard.run(arguments, environment: environment, file: file, line: line)
    }

    /// Starts `pawsguard apply --yes` without waiting for it (to kill or disturb it mid-run).
    func startApply(_ extra: [String] = [], environment extraEnvironment: [String: String]) throws -> RunningPawsguard {
        try RunningPawsguard(
            arguments: ["apply"] + connectionArguments + ["--backup-dir", Self.backupDirectory, "--yes"] + extra,
            environment: environment.merging(extraEnvironment) { $1 })
    }

    var runsDirectory: String { stateHome + "/pawsguard/runs" }

    func runIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: runsDirectory)) ?? []).sorted()
    }

    func journal(_ runID: String) -> String {
        (FileManager.default.contents(atPath: "\(runsDirectory)/\(runID)/journal.jsonl")).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Waits until the only run's journal holds `count` occurrences of `needle`; returns the run id.
    func waitForJournal(_ needle: String, count: Int = 1, timeout: TimeInterval = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // Run ids start with the second they began: two runs in one second sort by their random
            // suffix, so the newest run is not always last. Any run that shows the needle will do.
            if let runID = runIDs().reversed().first(where: { journal($0).components(separatedBy: needle).count - 1 >= count }) {
                return runID
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ApplyTestError.failed("the journal never showed \(count)× \(needle) within \(Int(timeout)) s: \(runIDs().last.map(journal) ?? "no run")")
    }

    func root(_ host: String) throws -> String {
        fleet.rootPath(of: try fleet.host(named: host))
    }

    /// Every sysctl configuration file of `host` (symlinks as links) and its live net.ipv4 values.
    func state(of host: String) throws -> HostState {
        let root = try root(host)
        var files: [String: HostFile] = [:]
        var paths = ["/etc/sysctl.conf"]
        for directory in ["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root + directory)) ?? [] {
                paths.append(directory + "/" + name)
            }
        }
        for path in paths {
            if let file = try HostFile(at: root + path) { files[path] = file }
        }
        var live: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/proc/sys/net/ipv4")) ?? [] {
            live[name] = try? String(contentsOfFile: root + "/proc/sys/net/ipv4/" + name, encoding: .utf8)
        }
        return HostState(files: files, live: live)
    }

    func read(_ host: String, _ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try root(host) + path)))
    }

    func write(_ host: String, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: try root(host) + path))
    }

    func scenarioBytes(_ host: String, _ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: RepositoryLayout.scenarioDirectory("apply") + "/\(host)/files" + path)))
    }
}

/// One file as `lstat` sees it: a symlink keeps its target, a file its bytes, mode, owner and mtime.
struct HostFile: Equatable, CustomStringConvertible {
    var symlinkTarget: String?
    var bytes: [UInt8]
    var mode: Int
    var owner: Int
    var group: Int
    var modified: Date

    init?(at path: String) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            symlinkTarget = try FileManager.default.destinationOfSymbolicLink(atPath: path)
            bytes = []
        } else {
            symlinkTarget = nil
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        mode = (attributes[.posixPermissions] as? Int) ?? -1
        owner = (attributes[.ownerAccountID] as? Int) ?? -1
        group = (attributes[.groupOwnerAccountID] as? Int) ?? -1
        modified = (attributes[.modificationDate] as? Date) ?? .distantPast
    }

    /// Equal apart from the modification time (a rollback writes the old bytes anew).
    func sameContent(as other: HostFile) -> Bool {
        symlinkTarget == other.symlinkTarget && bytes == other.bytes && mode == other.mode && owner == other.owner && group == other.group
    }

    var description: String {
        if let symlinkTarget { return "symlink -> \(symlinkTarget)" }
        return "\(bytes.count) bytes, mode \(String(mode, radix: 8)), \(owner):\(group), mtime \(modified.timeIntervalSince1970): \(String(decoding: bytes, as: UTF8.self).debugDescription)"
    }
}

struct HostState: Equatable {
    var files: [String: HostFile]
    var live: [String: String]

    func sameContent(as other: HostState) -> Bool {
        files.keys.sorted() == other.files.keys.sorted() && live == other.live
            && files.allSatisfy { path, file in other.files[path].map(file.sameContent) ?? false }
    }
}

/// A `pawsguard` process running in the background, its output going to files.
final class RunningPawsguard {
    let process = Process()
    private let stdoutPath: String
    private let stderrPath: String

    init(arguments: [String], environment: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.path + "/pawsguard-run-\(UUID().uuidString.prefix(8))"
        stdoutPath = base + ".out"
        stderrPath = base + ".err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Pawsguard.binaryPath)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }

    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func wait(timeout: TimeInterval = 120) -> (status: Int32, stdout: String, stderr: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { killHard() }
        process.waitUntilExit()
        let stdout = FileManager.default.contents(atPath: stdoutPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let stderr = FileManager.default.contents(atPath: stderrPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (process.terminationStatus, stdout, stderr)
    }
}

enum ApplyTestError: Error, CustomStringConvertible {
    case failed(String)

    var description: String {
        switch self {
        case .failed(let what): return what
        }
    }
}
