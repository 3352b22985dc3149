import Foundation
import XCTest

/// Points 3 to 5 of the apply issue on real hosts: a run killed mid-way, concurrent runs, a file
/// changed between the probe and the write, verification failures and the guarded rollout.
/// The test-only `PAWSGUARD_TEST_PAUSE_*` hooks hold the run at an exact point meanwhile.
final class ApplyGuardTests: XCTestCase {
    func testARunKilledAfterAnIntentCanBeRolledBackFromItsJournal() throws {
        let fleet = try ApplyFleet(hosts: ["centos-three-files"])
        let original = try fleet.state(of: "centos-three-files")
        let running = try fleet.startApply(environment: ["PAWSGUARD_TEST_PAUSE_AFTER_INTENT": "4"])
        // The second intent is written once the first file is replaced; kill pawsguard right there.
        let run = try fleet.waitForJournal("\"fileIntent\"", count: 2)
        running.killHard()
        let journal = fleet.journal(run)
        XCTAssertFalse(journal.contains("runFinished"))
        let changed = try fleet.state(of: "centos-three-files")
        XCTAssertFalse(changed.sameContent(as: original), "the first file was changed before the kill")
        XCTAssertNotNil(try? fleet.read("centos-three-files", "/run/pawsguard.lock/run"), "the killed run still holds the lock")

        let runs = fleet.pawsguard(["runs"])
        XCTAssertTrue(runs.stdout.contains("interrupted"), runs.stdout)
        let details = fleet.pawsguard(["runs", run])
        XCTAssertTrue(details.stdout.contains("intended (no outcome recorded: may have happened)"), details.stdout)

        // Another apply respects the dead run's lock...
        let blocked = fleet.apply(["--format", "json"])
        XCTAssertEqual(blocked.status, 3)
        XCTAssertTrue(blocked.stdout.contains("holds /run/pawsguard.lock"), blocked.stdout)
        XCTAssertTrue(blocked.stdout.contains("pawsguard rollback \(run)"), blocked.stdout)

        // ...and the run's own rollback takes it over, restores what happened and skips what did not.
        let rollback = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath])
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        XCTAssertTrue(rollback.stdout.contains("restored: /etc/sysctl.conf"), rollback.stdout)
        XCTAssertTrue(rollback.stdout.contains("already-original: /etc/sysctl.d/60-tuning.conf"), rollback.stdout)
        XCTAssertTrue(try fleet.state(of: "centos-three-files").sameContent(as: original))
        XCTAssertNil(try? fleet.read("centos-three-files", "/run/pawsguard.lock/run"), "lock released")
    }

    func testARunWhoseConnectionIsCutCanBeRolledBackLater() throws {
        let fleet = try ApplyFleet(hosts: ["ubuntu-crlf"])
        let original = try fleet.state(of: "ubuntu-crlf")
        let running = try fleet.startApply(["--format", "json"], environment: ["PAWSGUARD_TEST_PAUSE_AFTER_INTENT": "3"])
        let run = try fleet.waitForJournal("\"fileIntent\"", count: 2)
        // sshd and every session of the host die (as in a network cut or a reboot of sshd).
        try fleet.fleet.restartHost("ubuntu-crlf")
        let result = running.wait()
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("\"outcome\" : \"failed\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("pawsguard rollback \(run)"), result.stdout)
        XCTAssertTrue(fleet.journal(run).contains("\"mayHaveHappened\":true"), fleet.journal(run))

        let rollback = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath])
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        XCTAssertTrue(rollback.stdout.contains("restored: /etc/sysctl.d/70-crlf.conf"), rollback.stdout)
        XCTAssertTrue(rollback.stdout.contains("already-original: /etc/sysctl.d/80-noeol.conf"), rollback.stdout)
        XCTAssertTrue(try fleet.state(of: "ubuntu-crlf").sameContent(as: original))
    }

    func testCtrlCUndoesTheHostInProgressAndStartsNoOther() throws {
        let fleet = try ApplyFleet(hosts: ["centos-three-files", "ubuntu-crlf"])
        let original = try fleet.state(of: "centos-three-files")
        let untouched = try fleet.state(of: "ubuntu-crlf")
        let running = try fleet.startApply(["--format", "json"], environment: ["PAWSGUARD_TEST_PAUSE_AFTER_INTENT": "2"])
        let run = try fleet.waitForJournal("\"fileIntent\"", count: 2)
        kill(running.process.processIdentifier, SIGINT)
        let result = running.wait()
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("stopping"), result.stderr)
        XCTAssertTrue(result.stdout.contains("stopped by the operator"), result.stdout)
        XCTAssertTrue(result.stdout.contains("every change was undone"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\"outcome\" : \"not-touched\""), result.stdout)
        XCTAssertTrue(fleet.journal(run).contains("runFinished"), "a clean stop finishes the journal")
        XCTAssertTrue(try fleet.state(of: "centos-three-files").sameContent(as: original))
        XCTAssertEqual(try fleet.state(of: "ubuntu-crlf"), untouched)
    }

    func testASecondConcurrentApplyIsRefusedByTheHostLock() throws {
        let fleet = try ApplyFleet(hosts: ["ubuntu-crlf"])
        let first = try fleet.startApply(environment: ["PAWSGUARD_TEST_PAUSE_AFTER_INTENT": "3"])
        _ = try fleet.waitForJournal("\"fileIntent\"")
        let second = fleet.apply(["--format", "json"])
        XCTAssertEqual(second.status, 3, second.stderr)
        XCTAssertTrue(second.stdout.contains("\"outcome\" : \"skipped\""), second.stdout)
        XCTAssertTrue(second.stdout.contains("another pawsguard run"), second.stdout)
        let finished = first.wait()
        XCTAssertEqual(finished.status, 0, finished.stderr)
        XCTAssertTrue(finished.stdout.contains("verified"), finished.stdout)
    }

    func testAFileChangedBetweenThePlanAndTheWriteSkipsTheHost() throws {
        let fleet = try ApplyFleet(hosts: ["centos-three-files"])
        let running = try fleet.startApply(environment: ["PAWSGUARD_TEST_PAUSE_BEFORE_WRITE": "3"])
        _ = try fleet.waitForJournal("\"runStarted\"")
        let edited = "# changed by a colleague meanwhile\nnet.ipv4.tcp_tw_recycle = 1\n"
        try fleet.write("centos-three-files", "/etc/sysctl.d/60-tuning.conf", edited)
        let before = try fleet.state(of: "centos-three-files")
        let result = running.wait()
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("skipped"), result.stdout)
        XCTAssertTrue(result.stdout.contains("changed between the probe and the write"), result.stdout)
        let after = try fleet.state(of: "centos-three-files")
        XCTAssertTrue(after.sameContent(as: before), "the other files were restored, the colleague's edit kept")
        XCTAssertEqual(after.live["tcp_tw_recycle"], "1\n")
    }

    func testAHostFailingVerificationIsRolledBackAndStopsTheRollout() throws {
        let fleet = try ApplyFleet(hosts: ["centos-three-files", "ubuntu-crlf"])
        let original = try fleet.state(of: "centos-three-files")
        let untouched = try fleet.state(of: "ubuntu-crlf")
        let running = try fleet.startApply(["--format", "json"], environment: ["PAWSGUARD_TEST_PAUSE_BEFORE_VERIFY": "3"])
        // The canary's changes are done; something on the host (a config agent) sets the value back.
        _ = try fleet.waitForJournal("\"changeDone\"", count: 4)
        try fleet.write("centos-three-files", "/proc/sys/net/ipv4/tcp_tw_recycle", "1\n")
        let result = running.wait()
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"outcome\" : \"rolled-back\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("live net.ipv4.tcp_tw_recycle is 1, not 0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\"outcome\" : \"not-touched\""), "--max-failures 0 stops after the canary: \(result.stdout)")
        XCTAssertTrue(try fleet.state(of: "centos-three-files").sameContent(as: original), "automatic rollback restores every byte")
        XCTAssertEqual(try fleet.state(of: "ubuntu-crlf"), untouched)
    }

    func testCheckPortMustAcceptBeforeAndAfterTheChange() throws {
        let fleet = try ApplyFleet(hosts: ["ubuntu-crlf"])
        let host = try fleet.fleet.host(named: "ubuntu-crlf")
        let original = try fleet.state(of: "ubuntu-crlf")

        let closed = fleet.apply(["--check-port", "3306", "--format", "json"])
        XCTAssertEqual(closed.status, 3)
        XCTAssertTrue(closed.stdout.contains("does not accept TCP connections before the change"), closed.stdout)
        XCTAssertEqual(try fleet.state(of: "ubuntu-crlf"), original)

        let listener = try LoopbackListener(address: host.address, port: 3306)
        let running = try fleet.startApply(["--check-port", "3306", "--format", "json"], environment: ["PAWSGUARD_TEST_PAUSE_BEFORE_VERIFY": "3"])
        _ = try fleet.waitForJournal("\"changeDone\"", count: 3)
        listener.close()
        let result = running.wait()
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.stdout.contains("3306 no longer accepts TCP connections"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\"outcome\" : \"rolled-back\""), result.stdout)
        XCTAssertTrue(try fleet.state(of: "ubuntu-crlf").sameContent(as: original))

        let open = try LoopbackListener(address: host.address, port: 3306)
        defer { open.close() }
        let fixed = fleet.apply(["--check-port", "3306"])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
    }
}

/// A TCP listener on a loopback address, standing in for the database `--check-port` watches.
final class LoopbackListener {
    private var descriptor: Int32

    init(address: String, port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        inet_pton(AF_INET, address, &socketAddress.sin_addr)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            Foundation.close(descriptor)
            throw ApplyTestError.failed("cannot listen on \(address):\(port): errno \(errno)")
        }
    }

    func close() {
        guard descriptor >= 0 else { return }
        Foundation.close(descriptor)
        descriptor = -1
    }

    deinit { close() }
}
