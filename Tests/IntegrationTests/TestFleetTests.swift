import Foundation
import XCTest

/// Proves that the test fleet (scripts/testfleet) gives each host what the integration tests rely on: its own
/// kernel release, live sysctl values and sysctl files, writes that behave as on a real host and never reach
/// this machine, unreachable hosts that fail the way real ones do, and a stop that leaves nothing behind.
final class TestFleetTests: XCTestCase {
    private let sysctlDirectories = [
        "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d",
    ]

    func testUpHostsSeeTheirKernelLiveValuesAndSysctlConf() throws {
        let fleet = try TestFleet.start(scenario: "basic")
        let expectations: [(host: String, release: String, twRecycle: String?)] = [
            ("old-mysql", "3.10.0-1160.el7.x86_64", "1"),
            ("modern", "6.1.0-13-amd64", nil),
            ("clean", "5.15.0-91-generic", nil),
        ]
        for expected in expectations {
            let host = try fleet.host(named: expected.host)
            let result = try fleet.ssh(
                host, "cat /proc/sys/kernel/osrelease; sysctl net.ipv4.tcp_tw_recycle; cat /etc/sysctl.conf")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(lines.first, expected.release, "\(expected.host): \(result.stderr)")
            let scenarioConf = try scenarioFile("basic", expected.host, "files/etc/sysctl.conf")
            if let twRecycle = expected.twRecycle {
                XCTAssertEqual(result.status, 0, "\(expected.host): \(result.stderr)")
                XCTAssertEqual(lines.dropFirst().first, "net.ipv4.tcp_tw_recycle = \(twRecycle)")
                XCTAssertEqual(lines.dropFirst(2).joined(separator: "\n"), scenarioConf)
            } else {
                // The key is absent, as on a 4.12+ kernel: sysctl fails, the rest of the command still runs.
                XCTAssertTrue(
                    result.stderr.contains("cannot stat /proc/sys/net/ipv4/tcp_tw_recycle"),
                    "\(expected.host): \(result.stderr)")
                XCTAssertEqual(lines.dropFirst().joined(separator: "\n"), scenarioConf)
            }
        }
    }

    func testHostsSeeOnlyTheScenarioSysctlFiles() throws {
        let fleet = try TestFleet.start(scenario: "basic", hosts: ["modern", "clean"])
        let modern = try fleet.host(named: "modern")
        XCTAssertEqual(try listing(sysctlDirectories, on: modern, in: fleet), [
            "/etc/sysctl.d": ["60-tuning.conf", "99-sysctl.conf"], "/run/sysctl.d": [],
            "/usr/local/lib/sysctl.d": [], "/usr/lib/sysctl.d": [], "/lib/sysctl.d": [],
        ])
        let tuning = try fleet.ssh(modern, "cat /etc/sysctl.d/60-tuning.conf; readlink /etc/sysctl.d/99-sysctl.conf")
        XCTAssertEqual(
            tuning.stdout, try scenarioFile("basic", "modern", "files/etc/sysctl.d/60-tuning.conf") + "../sysctl.conf\n")
        XCTAssertEqual(
            try String(contentsOfFile: fleet.rootPath(of: modern) + "/etc/sysctl.d/60-tuning.conf", encoding: .utf8),
            try scenarioFile("basic", "modern", "files/etc/sysctl.d/60-tuning.conf"),
            "rootPath(of:) must show the host's files")
    }

    func testSysctlWriteChangesOnlyTheHostsValue() throws {
        let machineTimestamps = try String(contentsOfFile: "/proc/sys/net/ipv4/tcp_timestamps", encoding: .utf8)
        let fleet = try TestFleet.start(scenario: "basic", hosts: ["old-mysql", "clean"])
        let oldMysql = try fleet.host(named: "old-mysql")
        let write = try fleet.ssh(
            oldMysql, "sysctl -w net.ipv4.tcp_tw_recycle=0 net.ipv4.tcp_timestamps=0 && sysctl -n net.ipv4.tcp_tw_recycle")
        XCTAssertEqual(write.status, 0, write.stderr)
        XCTAssertTrue(write.stdout.hasSuffix("0\n"), write.stdout)
        let hostValue = try String(
            contentsOfFile: fleet.rootPath(of: oldMysql) + "/proc/sys/net/ipv4/tcp_timestamps", encoding: .utf8)
        XCTAssertEqual(hostValue, "0\n")
        XCTAssertEqual(
            try String(contentsOfFile: "/proc/sys/net/ipv4/tcp_timestamps", encoding: .utf8), machineTimestamps,
            "the machine's own value must not change")
        let otherHost = try fleet.ssh(try fleet.host(named: "clean"), "sysctl -n net.ipv4.tcp_timestamps")
        XCTAssertEqual(otherHost.stdout, "1\n", "another host keeps its own value")

        // A key the scenario does not fake belongs to the machine: it is read-only on the host.
        let machineKey = try fleet.ssh(oldMysql, "sysctl -w kernel.pid_max=40000")
        XCTAssertNotEqual(machineKey.status, 0, "writing a real kernel key from a test host must fail")
    }

    func testRenameOverSysctlFilesWorksOnTheHostAndLeavesTheMachineAlone() throws {
        let machineConf = try Data(contentsOf: URL(fileURLWithPath: "/etc/sysctl.conf"))
        let machineDropIns = try FileManager.default.contentsOfDirectory(atPath: "/etc/sysctl.d").sorted()
        let fleet = try TestFleet.start(scenario: "basic", hosts: ["old-mysql"])
        let host = try fleet.host(named: "old-mysql")
        let script = """
            set -e
            printf 'net.ipv4.tcp_tw_recycle = 0\\n' > /etc/.sysctl.conf.pawsguard-tmp
            mv /etc/.sysctl.conf.pawsguard-tmp /etc/sysctl.conf
            printf 'net.ipv4.tcp_tw_recycle = 0\\n' > /etc/sysctl.d/.new.tmp
            mv /etc/sysctl.d/.new.tmp /etc/sysctl.d/90-pawsguard.conf
            cat /etc/sysctl.conf
            """
        let result = try fleet.ssh(host, script)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "net.ipv4.tcp_tw_recycle = 0\n")
        XCTAssertEqual(
            try String(contentsOfFile: fleet.rootPath(of: host) + "/etc/sysctl.d/90-pawsguard.conf", encoding: .utf8),
            "net.ipv4.tcp_tw_recycle = 0\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "/etc/sysctl.conf")), machineConf)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "/etc/sysctl.d").sorted(), machineDropIns)
    }

    func testScenarioFileFeaturesReachTheHost() throws {
        let fleet = try TestFleet.start(scenario: "fleet-selftest", hosts: ["quirks", "defaults"])
        let quirks = try fleet.host(named: "quirks")
        XCTAssertEqual(try listing(sysctlDirectories, on: quirks, in: fleet), [
            "/etc/sysctl.d": ["10-masked.conf", "50-secret.conf", "99-sysctl.conf"],
            "/run/sysctl.d": ["40-runtime.conf"], "/usr/local/lib/sysctl.d": ["60-local.conf"],
            // /lib is a symlink to usr/lib here, so files/lib/sysctl.d lands in the same folder.
            "/usr/lib/sysctl.d": ["50-vendor.conf", "70-lib.conf"], "/lib/sysctl.d": ["50-vendor.conf", "70-lib.conf"],
        ])
        let details = try fleet.ssh(quirks, """
            readlink /etc/sysctl.d/10-masked.conf
            stat -c %a /etc/sysctl.d/50-secret.conf
            setpriv --reuid=65534 --regid=65534 --clear-groups cat /etc/sysctl.d/50-secret.conf || echo unreadable
            grep PRETTY_NAME /etc/os-release
            sysctl -n net.ipv4.conf.all.rp_filter
            hostname
            """)
        XCTAssertEqual(
            details.stdout, "/dev/null\n0\nunreadable\nPRETTY_NAME=\"Debian GNU/Linux 9 (stretch)\"\n2\nquirks\n",
            details.stderr)

        // proc-net/: the host reads the state copy through PAWSGUARD_PROC_NET, and sees it change.
        let before = try fleet.ssh(quirks, #"grep -c PAWSPassive "$PAWSGUARD_PROC_NET/netstat""#)
        XCTAssertEqual(before.stdout, "1\n", before.stderr)
        try "TcpExt: ListenDrops\nTcpExt: 99\n".write(
            toFile: fleet.procNetPath(of: quirks) + "/netstat", atomically: true, encoding: .utf8)
        let after = try fleet.ssh(quirks, #"cat "$PAWSGUARD_PROC_NET/netstat""#)
        XCTAssertEqual(after.stdout, "TcpExt: ListenDrops\nTcpExt: 99\n")

        let defaults = try fleet.host(named: "defaults")
        let defaultValues = try fleet.ssh(defaults, """
            cat /proc/sys/kernel/osrelease; sysctl -n net.ipv4.tcp_timestamps net.core.somaxconn
            test -e /proc/sys/net/ipv4/tcp_tw_recycle || echo no-tw-recycle
            test -e /etc/sysctl.conf || echo no-sysctl-conf
            echo "proc-net=${PAWSGUARD_PROC_NET:-unset}"
            """)
        XCTAssertEqual(
            defaultValues.stdout, "6.1.0-13-amd64\n1\n4096\nno-tw-recycle\nno-sysctl-conf\nproc-net=unset\n",
            defaultValues.stderr)
        XCTAssertEqual(try listing(["/etc/sysctl.d", "/usr/lib/sysctl.d"], on: defaults, in: fleet), [
            "/etc/sysctl.d": [], "/usr/lib/sysctl.d": [],
        ])
    }

    func testUnreachableHostsFailTheWayRealOnesDo() throws {
        let fleet = try TestFleet.start(scenario: "fleet-selftest", hosts: ["refused", "blackhole", "silent"])

        let refused = try fleet.host(named: "refused")
        let refusedStart = Date()
        let refusedConnect = try connect(to: refused, timeoutSeconds: 2)
        XCTAssertEqual(refusedConnect.status, 1)
        XCTAssertTrue(refusedConnect.stderr.contains("Connection refused"), refusedConnect.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(refusedStart), 1.5)

        let blackhole = try fleet.host(named: "blackhole")
        let blackholeStart = Date()
        let hung = try connect(to: blackhole, timeoutSeconds: 2)
        XCTAssertEqual(hung.status, 124, "connect() to a blackhole host must hang until the timeout: \(hung.stderr)")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(blackholeStart), 1.9)

        let silent = try fleet.host(named: "silent")
        let accepted = try connect(to: silent, timeoutSeconds: 2)
        XCTAssertEqual(accepted.status, 0, "a nobanner host accepts TCP connections: \(accepted.stderr)")
        let noBanner = try fleet.ssh(silent, "true", extraOptions: ["-o", "ConnectTimeout=2"])
        XCTAssertEqual(noBanner.status, 255)
        XCTAssertTrue(noBanner.stderr.contains("banner exchange"), noBanner.stderr)
    }

    func testRestartWithANewHostKeyIsCaughtByStrictChecking() throws {
        let fleet = try TestFleet.start(scenario: "basic", hosts: ["old-mysql", "clean"])
        let oldMysql = try fleet.host(named: "old-mysql")
        let prepare = try fleet.ssh(
            oldMysql, "echo kept > /etc/sysctl.d/80-kept.conf && sysctl -w net.ipv4.tcp_tw_recycle=0 >/dev/null")
        XCTAssertEqual(prepare.status, 0, prepare.stderr)

        try fleet.restartHost("old-mysql", newHostKey: true)
        let restarted = try fleet.host(named: "old-mysql")
        XCTAssertNotEqual(restarted.pid, oldMysql.pid)
        let strict = try fleet.ssh(restarted, "true")
        XCTAssertEqual(strict.status, 255)
        XCTAssertTrue(strict.stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), strict.stderr)

        let trusting = try fleet.ssh(
            restarted, "cat /etc/sysctl.d/80-kept.conf; sysctl -n net.ipv4.tcp_tw_recycle; cat /proc/sys/kernel/osrelease",
            extraOptions: ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"])
        XCTAssertEqual(
            trusting.stdout, "kept\n0\n3.10.0-1160.el7.x86_64\n", "files and live values survive a restart: \(trusting.stderr)")

        try fleet.restartHost("clean")
        let clean = try fleet.ssh(try fleet.host(named: "clean"), "true")
        XCTAssertEqual(clean.status, 0, "a restart without a new key keeps the known key: \(clean.stderr)")
    }

    func testTwoFleetsStartedAtOnceDoNotClash() throws {
        let started = StartedFleets()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            started.record(index, Result { try TestFleet.start(scenario: "basic", hosts: ["clean", "down"]) })
        }
        let first = try XCTUnwrap(started.result(0)).get()
        let second = try XCTUnwrap(started.result(1)).get()
        let firstClean = try first.host(named: "clean")
        let secondClean = try second.host(named: "clean")
        XCTAssertNotEqual(firstClean.address, secondClean.address)
        for (fleet, host) in [(first, firstClean), (second, secondClean)] {
            let result = try fleet.ssh(host, "hostname")
            XCTAssertEqual(result.stdout, "clean\n", result.stderr)
        }
    }

    func testStopLeavesNoProcess() throws {
        let fleet = try TestFleet.start(scenario: "fleet-selftest", hosts: ["defaults", "blackhole", "silent"])
        let defaults = try fleet.host(named: "defaults")
        let leftover = try fleet.ssh(defaults, "sleep 300 </dev/null >/dev/null 2>&1 & echo $!")
        let sleepPID = try XCTUnwrap(Int32(leftover.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let pids = fleet.hosts.compactMap(\.pid) + [sleepPID]
        XCTAssertTrue(pids.allSatisfy(isRunning), "every fleet process runs before stop")

        fleet.stop()
        XCTAssertEqual(pids.filter(isRunning), [], "stop must end every process the fleet started")
        let afterStop = try connect(to: defaults, timeoutSeconds: 2)
        XCTAssertTrue(afterStop.stderr.contains("Connection refused"), afterStop.stderr)
        fleet.stop()  // idempotent
    }

    func testInventoryAndKnownHostsDescribeTheFleet() throws {
        let fleet = try TestFleet.start(scenario: "basic")
        let inventory = try String(contentsOfFile: fleet.inventoryPath, encoding: .utf8)
        let oldMysql = try fleet.host(named: "old-mysql")
        XCTAssertTrue(
            inventory.contains(
                "old-mysql ansible_host=\(oldMysql.address) ansible_port=\(oldMysql.port) ansible_user=root "
                    + "ansible_ssh_private_key_file=\(fleet.clientKeyPath) nat_clients=true nat_sources=10.244.0.0/16\n"),
            inventory)
        XCTAssertTrue(inventory.contains("\n[mysql]\nold-mysql\n"), inventory)
        XCTAssertEqual(fleet.hosts.map(\.name), ["clean", "down", "modern", "old-mysql"])
        XCTAssertEqual(try fleet.host(named: "down").state, .closed)
        XCTAssertNil(try fleet.host(named: "down").pid)

        let knownHosts = try String(contentsOfFile: fleet.knownHostsPath, encoding: .utf8)
        let knownLines = knownHosts.split(separator: "\n")
        XCTAssertEqual(knownLines.count, 3, "one line per up host: \(knownHosts)")
        XCTAssertTrue(knownLines.contains { $0.hasPrefix("[\(oldMysql.address)]:\(oldMysql.port) ssh-ed25519 ") })
    }

    func testProcessRunnerDrainsLargeOutputOnBothStreams() throws {
        let outcome = try ProcessRunner.run(
            "/bin/bash", ["-c", "head -c 3000000 /dev/zero | tr '\\0' o; head -c 3000000 /dev/zero | tr '\\0' e >&2; cat"],
            stdin: "from stdin", timeout: 30)
        XCTAssertFalse(outcome.timedOut)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.stdout.utf8.count, 3_000_000 + "from stdin".utf8.count)
        XCTAssertEqual(outcome.stderr.utf8.count, 3_000_000)
    }

    func testProcessRunnerKillsAProcessPastItsTimeout() throws {
        let start = Date()
        let outcome = try ProcessRunner.run("/bin/sleep", ["30"], timeout: 0.5)
        XCTAssertTrue(outcome.timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testPawsguardBinaryAnswersHelp() throws {
        let result = Pawsguard.run(["--help"], timeout: 30)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.lowercased().contains("usage"), result.stdout)
    }

    // MARK: - Helpers

    private func scenarioFile(_ scenario: String, _ host: String, _ path: String) throws -> String {
        try String(contentsOfFile: "\(RepositoryLayout.scenarioDirectory(scenario))/\(host)/\(path)", encoding: .utf8)
    }

    /// The entries of each directory as the host sees them over ssh.
    private func listing(_ directories: [String], on host: FleetHost, in fleet: TestFleet) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for directory in directories {
            let outcome = try fleet.ssh(host, "ls -A1 \(directory)")
            XCTAssertEqual(outcome.status, 0, "\(host.name): ls \(directory): \(outcome.stderr)")
            result[directory] = outcome.stdout.split(separator: "\n").map(String.init).sorted()
        }
        return result
    }

    /// A plain TCP connect with a deadline: status 0 connected, 1 refused, 124 still hanging at the deadline.
    private func connect(to host: FleetHost, timeoutSeconds: Int) throws -> ProcessOutcome {
        try ProcessRunner.run(
            "timeout", [String(timeoutSeconds), "bash", "-c", "exec 3<>/dev/tcp/\(host.address)/\(host.port)"],
            timeout: TimeInterval(timeoutSeconds + 10))
    }

    /// Running means present and not a zombie (the machine's init may reap exited processes late).
    private func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let endOfName = stat.range(of: ") ", options: .backwards)
        else { return false }
        return !stat[endOfName.upperBound...].hasPrefix("Z")
    }
}

/// Fleets started on concurrent threads, collected for the test's own thread.
private final class StartedFleets: @unchecked Sendable {
    // Guarded by `lock`; @unchecked because the compiler cannot see that.
    private let lock = NSLock()
    private var results: [Int: Result<TestFleet, any Error>] = [:]

    func record(_ index: Int, _ result: Result<TestFleet, any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func result(_ index: Int) -> Result<TestFleet, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return results[index]
    }
}
