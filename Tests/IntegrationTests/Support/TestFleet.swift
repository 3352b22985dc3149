import Foundation

/// A running fleet of real sshd hosts started by `scripts/testfleet` from a scenario in `Tests/Scenarios`.
/// Each up host is an sshd on its own loopback address inside a private mount namespace, with the
/// scenario's kernel release, live sysctl values and sysctl files (see `scripts/testfleet --help`).
///
///     let fleet = try TestFleet.start(scenario: "basic")
///     let result = Pawsguard.run(["facts", "-i", fleet.inventoryPath, "--known-hosts", fleet.knownHostsPath])
///
/// The fleet stops when `stop()` is called or the object goes away; the state folder is removed then
/// unless `PAWSGUARD_KEEP_FLEET_STATE=1` is set (to look at sshd logs and the hosts' writes).
final class TestFleet {
    let stateDirectory: String
    let inventoryPath: String
    let knownHostsPath: String
    let clientKeyPath: String
    private(set) var hosts: [FleetHost]
    private var stopped = false

    private static let scriptTimeout: TimeInterval = 120

    private init(stateDirectory: String) throws {
        self.stateDirectory = stateDirectory
        inventoryPath = stateDirectory + "/inventory.ini"
        knownHostsPath = stateDirectory + "/known_hosts"
        clientKeyPath = stateDirectory + "/client_key"
        hosts = try Self.readHostsTable(stateDirectory + "/hosts.tsv")
    }

    deinit {
        stop()
        if ProcessInfo.processInfo.environment["PAWSGUARD_KEEP_FLEET_STATE"] != "1" {
            try? FileManager.default.removeItem(atPath: stateDirectory)
        }
    }

    /// Starts the hosts of `Tests/Scenarios/<scenario>` (all, or only `hosts`) in a fresh state folder.
    /// Skips the calling test (or fails it under CI) when the machine cannot run a fleet.
    static func start(scenario: String, hosts: [String]? = nil) throws -> TestFleet {
        try FleetRequirement.check()
        let stateDirectory = try makeStateDirectory()
        var arguments = ["start", "--scenarios", RepositoryLayout.scenarioDirectory(scenario), "--state", stateDirectory]
        if let hosts { arguments += ["--hosts", hosts.joined(separator: ",")] }
        do {
            try runScript(arguments)
        } catch {
            try? FileManager.default.removeItem(atPath: stateDirectory)
            throw error
        }
        return try TestFleet(stateDirectory: stateDirectory)
    }

    func host(named name: String) throws -> FleetHost {
        guard let host = hosts.first(where: { $0.name == name }) else {
            throw TestFleetError.unknownHost(name: name, known: hosts.map(\.name))
        }
        return host
    }

    /// The host's root directory as the host sees it: `/proc/<sshd pid>/root` walks the host's mount
    /// namespace, so `rootPath(of: host) + "/etc/sysctl.conf"` is the host's file, not the machine's.
    func rootPath(of host: FleetHost) -> String {
        "/proc/\(host.pid ?? 0)/root"
    }

    /// The host's copy of its scenario's proc-net/ folder (what PAWSGUARD_PROC_NET points at on the host).
    /// Rewrite `netstat` there during a test to make counters grow.
    func procNetPath(of host: FleetHost) -> String {
        "\(stateDirectory)/hosts/\(host.name)/proc-net"
    }

    /// Restarts one up host's sshd with the same namespace setup; its files and live values survive.
    /// With `newHostKey`, the host gets a new key that known_hosts does not have ("host key changed").
    func restartHost(_ name: String, newHostKey: Bool = false) throws {
        let host = try host(named: name)
        guard host.state == .up else { throw TestFleetError.hostHasNoProcess(name: name, state: host.state) }
        var arguments = ["restart-host", "--state", stateDirectory, name]
        if newHostKey { arguments.append("--new-host-key") }
        try Self.runScript(arguments)
        hosts = try Self.readHostsTable(stateDirectory + "/hosts.tsv")
    }

    /// Runs `command` on an up host with the system OpenSSH client, the fleet's key and strict host-key
    /// checking against the fleet's known_hosts. `extraOptions` go first: ssh keeps the first value it sees
    /// for an option, so they override the defaults here.
    func ssh(_ host: FleetHost, _ command: String, extraOptions: [String] = [], timeout: TimeInterval = 30) throws
        -> ProcessOutcome
    {
        let defaults = [
            "-i", clientKeyPath, "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=\(knownHostsPath)",
            "-o", "GlobalKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
            "-o", "ConnectTimeout=10", "-F", "/dev/null", "-p", String(host.port),
        ]
        return try ProcessRunner.run("ssh", extraOptions + defaults + ["root@\(host.address)", command], timeout: timeout)
    }

    /// Stops every process of the fleet. Safe to call more than once.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.runScript(["stop", "--state", stateDirectory])
    }

    @discardableResult
    private static func runScript(_ arguments: [String]) throws -> ProcessOutcome {
        let command = [RepositoryLayout.testfleetScript] + arguments
        let outcome = try ProcessRunner.run("/bin/bash", command, timeout: scriptTimeout)
        if outcome.timedOut { throw TestFleetError.scriptTimedOut(command: command, seconds: scriptTimeout) }
        guard outcome.status == 0 else {
            throw TestFleetError.scriptFailed(
                command: command, status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
        }
        return outcome
    }

    /// A fresh folder under the temporary directory; testfleet wants it absent or empty.
    private static func makeStateDirectory() throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        let path = "\(base)/pawsguard-fleet-\(UUID().uuidString.prefix(8).lowercased())"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw TestFleetError.stateDirectoryUnavailable(path: path, reason: "\(error)")
        }
        return path
    }

    private static func readHostsTable(_ path: String) throws -> [FleetHost] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TestFleetError.stateDirectoryUnavailable(path: path, reason: "cannot read hosts.tsv: \(error)")
        }
        var hosts: [FleetHost] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let port = Int(fields[2]), let state = FleetHost.State(rawValue: fields[3]) else {
                throw TestFleetError.hostsTableMalformed(path: path, line: index + 1, content: String(line))
            }
            hosts.append(FleetHost(name: fields[0], address: fields[1], port: port, state: state, pid: Int32(fields[4])))
        }
        return hosts
    }
}
