import Foundation
import XCTest

/// A test fleet for the fault suite, started once per test class from `Tests/Scenarios/<scenario>`.
///
/// The fault tests write their own inventories and known_hosts (`FaultCase`): a host may be reached
/// directly, through a `FaultProxy`, or at an address where nothing (or something broken) listens.
/// Every host's sysctl files and live values are read as the host sees them (`/proc/<sshd>/root`).
final class FaultFleet {
    let fleet: TestFleet
    /// Inventories, known_hosts files, journals and proxy files of this fleet's tests.
    let workDirectory: String
    private var proxyCount = 0

    init(scenario: String, hosts: [String]? = nil) throws {
        fleet = try TestFleet.start(scenario: scenario, hosts: hosts)
        workDirectory = fleet.stateDirectory + "/faults"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
    }

    deinit { stop() }

    func stop() {
        fleet.stop()
    }

    /// `127.0.N`: this fleet's addresses. Its hosts use `.2` upwards; `.200` and up are free for proxies
    /// and for addresses where nothing listens.
    var prefix: String {
        get throws {
            let path = fleet.stateDirectory + "/prefix"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw FaultTestError.fleet("cannot read \(path)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    func host(_ name: String) throws -> FleetHost {
        try fleet.host(named: name)
    }

    /// The host's ed25519 public key as known_hosts wants it (`ssh-ed25519 AAAA...`): the key it has now.
    func hostKey(_ name: String) throws -> String {
        let path = "\(fleet.stateDirectory)/hosts/\(name)/ssh_host_ed25519_key.pub"
        let fields = try String(contentsOfFile: path, encoding: .utf8).split(separator: " ")
        guard fields.count >= 2 else { throw FaultTestError.fleet("\(path) is not a public key") }
        return fields[0] + " " + fields[1]
    }

    /// A fresh workspace for one test: its own inventory, known_hosts and journal folder.
    func newCase(_ name: String = #function) throws -> FaultCase {
        try FaultCase(fleet: self, name: name)
    }

    /// Starts a proxy to `target`'s sshd on a free address of this fleet.
    func startProxy(to target: String, rule: String = "pass") throws -> FaultProxy {
        proxyCount += 1
        let directory = "\(workDirectory)/proxy-\(proxyCount)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let host = try host(target)
        return try FaultProxy(
            listen: "\(try prefix).\(200 + proxyCount)", port: host.port, target: host, directory: directory, rule: rule)
    }

    // MARK: Host state

    /// The sysctl configuration files (symlinks as links) and net.ipv4 live values of an up host.
    func state(of name: String) throws -> HostState {
        let root = fleet.rootPath(of: try host(name))
        var files: [String: HostFile] = [:]
        for path in Self.sysctlPaths(under: root) {
            if let file = try HostFile(at: root + path) { files[path] = file }
        }
        var live: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/proc/sys/net/ipv4")) ?? [] {
            live[name] = try? String(contentsOfFile: root + "/proc/sys/net/ipv4/" + name, encoding: .utf8)
        }
        return HostState(files: files, live: live)
    }

    static let configurationDirectories = ["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d"]

    /// `/etc/sysctl.conf` and every entry of the sysctl folders, hidden ones included (a temporary file
    /// left behind shows up as a new path).
    static func sysctlPaths(under root: String) -> [String] {
        var paths = ["/etc/sysctl.conf"]
        for directory in configurationDirectories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root + directory)) ?? [] {
                paths.append(directory + "/" + name)
            }
        }
        return paths
    }

    /// Temporary files of pawsguard's safe write (`.NAME.pawsguard-RUN.tmp`) left anywhere a sysctl file
    /// lives, `/etc` included (where the temporary file of /etc/sysctl.conf goes).
    func strayTemporaryFiles(on name: String) throws -> [String] {
        let root = fleet.rootPath(of: try host(name))
        return (["/etc"] + Self.configurationDirectories).flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + directory)) ?? [])
                .filter { $0.hasPrefix(".") && $0.contains(".pawsguard-") && $0.hasSuffix(".tmp") }
                .map { directory + "/" + $0 }
        }
    }

    /// Writes `bytes` to `path` as the host sees it (through the host's overlay).
    func write(_ bytes: [UInt8], to path: String, on name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: fleet.rootPath(of: try host(name)) + path))
    }

    func read(_ path: String, on name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fleet.rootPath(of: try host(name)) + path)))
    }

    func exists(_ path: String, on name: String) throws -> Bool {
        FileManager.default.fileExists(atPath: fleet.rootPath(of: try host(name)) + path)
    }
}

/// One fleet per test class, started by the first test that asks and stopped in the class's
/// `tearDown()`; a failed start is remembered and rethrown to every later test of the class.
final class SharedFaultFleet: @unchecked Sendable {
    // `started` is guarded by `lock`; @unchecked because NSLock does the synchronisation.
    private let lock = NSLock()
    private let scenario: String
    private let hosts: [String]?
    private let prepare: (FaultFleet) throws -> Void
    private var started: Result<FaultFleet, any Error>?

    init(scenario: String, hosts: [String]? = nil, prepare: @escaping (FaultFleet) throws -> Void = { _ in }) {
        self.scenario = scenario
        self.hosts = hosts
        self.prepare = prepare
    }

    func fleet() throws -> FaultFleet {
        lock.lock()
        defer { lock.unlock() }
        if started == nil {
            started = Result {
                let fleet = try FaultFleet(scenario: scenario, hosts: hosts)
                try prepare(fleet)
                return fleet
            }
        }
        guard let started else { preconditionFailure("set just above") }
        return try started.get()
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if case .success(let fleet) = started { fleet.stop() }
        started = nil
    }
}

enum FaultTestError: Error, CustomStringConvertible {
    case fleet(String)
    case timedOut(String)
    case report(String)

    var description: String {
        switch self {
        case .fleet(let what): return "test fleet: \(what)"
        case .timedOut(let what): return "timed out: \(what)"
        case .report(let what): return "report: \(what)"
        }
    }
}
