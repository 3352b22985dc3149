import Foundation
import PawsCore
import XCTest

/// Issue 8, point 1, faults while a host is being changed: the connection dropped in the middle of a file
/// write and between the writes and verification, sshd killed mid-apply, a file replaced between the probe
/// and the write, and the host key changed (between an audit and the apply, and between the apply's own
/// probe and its writes). The faulty host is the canary; the rollout goes on to the two peers, which must
/// be verified. Every file on every host is, byte for byte, as before or as the run meant, and the run's
/// rollback restores every host exactly.
final class FaultsApplyInterruptionTests: XCTestCase {
    private static let shared = SharedFaultFleet(
        scenario: FaultScenario.matrix, hosts: FaultScenario.peers + [FaultScenario.target], prepare: FaultScenario.prepareTarget)
    private let hosts = [FaultScenario.target] + FaultScenario.peers
    private let target = FaultScenario.target

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testAConnectionDroppedDuringAFileWriteNeverLeavesAPartialFile() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        // The planning connection passes; the apply connection is reset while 50-big.conf's new content
        // is on its way (its write comes after /etc/sysctl.conf's).
        let proxy = try fleet.startProxy(to: target, rule: "cut-after c2s \(FaultScenario.cutInsideBigWrite) skip=1")
        try test.use([try test.through(proxy), try test.direct("peer-a"), try test.direct("peer-b")])
        let before = try fleet.states(hosts)

        let run = test.apply()
        XCTAssertEqual(run.status, 3, run.stderr)
        let report = try run.requireReport()
        let host = try run.requireHost(target)
        XCTAssertEqual(host.outcome, .failed)
        XCTAssertContains(host.reason, "connection lost while", "undoing failed", "pawsguard rollback \(report.runID)")
        XCTAssertContains(proxy.log, "c2s=\(FaultScenario.cutInsideBigWrite) end=cut")
        let journal = test.journal(report.runID.value)
        XCTAssertEqual(journal.count("changeDone", host: target), 1, "sysctl.conf was written before the cut")
        XCTAssertTrue(test.journalText(report.runID.value).contains("\"mayHaveHappened\":true"))

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
        XCTAssertEqual(sides[target]?.sides["/etc/sysctl.conf"], .after)
        XCTAssertEqual(sides[target]?.sides[FaultScenario.bigFilePath], .before, "the interrupted write never replaced the file")
        XCTAssertEqual(sides[target]?.sides["live tcp_tw_recycle"], .before)
        try test.assertVerified(run, FaultScenario.peers, sides: sides)

        try proxy.set("pass")
        try test.rollBack(report.runID.value, restoring: before)
    }

    func testAConnectionDroppedBetweenTheWritesAndVerificationIsRolledBackFromTheJournal() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        let proxy = try fleet.startProxy(to: target)
        try test.use([try test.through(proxy), try test.direct("peer-a"), try test.direct("peer-b")])
        let before = try fleet.states(hosts)

        let running = try test.startApply(environment: ["PAWSGUARD_TEST_PAUSE_BEFORE_VERIFY": "1.5"])
        _ = try test.waitForJournal(what: "the target's three changes done") { $0.count("changeDone", host: self.target) == 3 }
        try proxy.set("cut")
        proxy.cutNow()
        let result = running.wait()
        let run = ApplyRun(status: result.status, stdout: result.stdout, stderr: result.stderr)
        XCTAssertEqual(run.status, 3, run.stderr)
        let report = try run.requireReport()
        let host = try run.requireHost(target)
        XCTAssertEqual(host.outcome, .failed)
        XCTAssertContains(host.reason, "cannot re-read the host", "undoing failed", "pawsguard rollback \(report.runID)")

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
        XCTAssertEqual(sides[target]?.allAfter, true, "every change was made before the cut: \(sides[target]?.description ?? "")")
        try test.assertVerified(run, FaultScenario.peers, sides: sides)

        try proxy.set("pass")
        try test.rollBack(report.runID.value, restoring: before)
    }

    func testSSHDKilledMidApplyLeavesWholeFilesAndIsRolledBackAfterItsRestart() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        try test.use(try hosts.map { try test.direct($0) })
        let before = try fleet.states(hosts)

        let running = try test.startApply(environment: ["PAWSGUARD_TEST_PAUSE_AFTER_INTENT": "1"])
        // The first file is written; the second one's intent is journaled: kill sshd and its sessions.
        _ = try test.waitForJournal(what: "the target's second intent") { $0.count("fileIntent", host: self.target) == 2 }
        try HostProcesses.killAll(of: try fleet.host(target), fleet: fleet.fleet)
        let result = running.wait()
        let run = ApplyRun(status: result.status, stdout: result.stdout, stderr: result.stderr)
        XCTAssertEqual(run.status, 3, run.stderr)
        let report = try run.requireReport()
        let host = try run.requireHost(target)
        XCTAssertEqual(host.outcome, .failed)
        XCTAssertContains(host.reason, "pawsguard rollback \(report.runID)")

        try fleet.fleet.restartHost(target)
        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
        XCTAssertEqual(sides[target]?.sides["/etc/sysctl.conf"], .after)
        XCTAssertEqual(sides[target]?.sides[FaultScenario.bigFilePath], .before)
        try test.assertVerified(run, FaultScenario.peers, sides: sides)
        try test.rollBack(report.runID.value, restoring: before)
    }

    func testAFileReplacedBetweenTheProbeAndTheWriteIsLeftAlone() throws {
        let fleet = try Self.shared.fleet()
        let original = try fleet.state(of: target)
        let replacements: [(what: String, replace: () throws -> Void, reason: String)] = [
            ("a new file renamed over it", {
                let root = fleet.fleet.rootPath(of: try fleet.host(self.target))
                let staged = root + "/etc/sysctl.d/.50-big.conf.colleague"
                try Data("# rewritten by a colleague\nnet.ipv4.tcp_tw_recycle = 1\n".utf8).write(to: URL(fileURLWithPath: staged))
                guard rename(staged, root + FaultScenario.bigFilePath) == 0 else { throw FaultTestError.fleet("rename: errno \(errno)") }
            }, "changed between the probe and the write"),
            ("a symlink", {
                let path = fleet.fleet.rootPath(of: try fleet.host(self.target)) + FaultScenario.bigFilePath
                try FileManager.default.removeItem(atPath: path)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/sysctl.conf")
            }, "is no longer a regular file"),
        ]
        for replacement in replacements {
            let test = try fleet.newCase("replaced by \(replacement.what)")
            try test.use(try hosts.map { try test.direct($0) })
            let peersBefore = try fleet.states(FaultScenario.peers)
            let running = try test.startApply(environment: ["PAWSGUARD_TEST_PAUSE_BEFORE_WRITE": "1.5"])
            _ = try test.waitForJournal("\"runStarted\"")
            try replacement.replace()
            var before = peersBefore
            before[target] = try fleet.state(of: target)

            let result = running.wait()
            let run = ApplyRun(status: result.status, stdout: result.stdout, stderr: result.stderr)
            XCTAssertEqual(run.status, 3, "\(replacement.what): \(run.stderr)")
            let report = try run.requireReport()
            let host = try run.requireHost(target)
            XCTAssertEqual(host.outcome, .skipped, replacement.what)
            XCTAssertContains(host.reason, replacement.reason, "every change was undone")

            let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
            XCTAssertEqual(sides[target]?.allBefore, true, "\(replacement.what): the replacement is kept, the rest restored: \(sides[target]?.description ?? "")")
            try test.assertVerified(run, FaultScenario.peers, sides: sides)
            try test.rollBack(report.runID.value, restoring: before)

            try fleet.write(FaultScenario.bigFile, to: "/etc/sysctl.d/.50-big.conf.restore", on: target)
            let root = fleet.fleet.rootPath(of: try fleet.host(target))
            guard rename(root + "/etc/sysctl.d/.50-big.conf.restore", root + FaultScenario.bigFilePath) == 0 else {
                throw FaultTestError.fleet("cannot put 50-big.conf back: errno \(errno)")
            }
            XCTAssertTrue(try fleet.state(of: target).sameContent(as: original))
        }
    }

    func testAHostKeyChangedBetweenTheAuditAndTheApplyIsRefused() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        try test.use(try hosts.map { try test.direct($0) })
        let before = try fleet.states(hosts)
        let audit = test.audit()
        XCTAssertEqual(try audit.requireHost(target).status, "audited")

        try fleet.fleet.restartHost(target, newHostKey: true)
        let run = test.apply()
        XCTAssertEqual(run.status, 3, run.stderr)
        let report = try run.requireReport()
        let host = try run.requireHost(target)
        XCTAssertEqual(host.outcome, .failed)
        XCTAssertContains(host.reason, "host-key-changed: ", "HOST KEY CHANGED")

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
        XCTAssertEqual(sides[target]?.allBefore, true)
        try test.assertVerified(run, FaultScenario.peers, sides: sides)
        try test.rollBack(report.runID.value, restoring: before)
    }

    func testAHostKeyChangedBetweenTheProbeAndTheWritesIsRefusedBeforeAnyChange() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        try test.use(try hosts.map { try test.direct($0) })
        let before = try fleet.states(hosts)

        let running = try test.startApply(environment: ["PAWSGUARD_TEST_PAUSE_BEFORE_WRITE": "1.5"])
        _ = try test.waitForJournal("\"runStarted\"")
        try fleet.fleet.restartHost(target, newHostKey: true)
        let result = running.wait()
        let run = ApplyRun(status: result.status, stdout: result.stdout, stderr: result.stderr)
        XCTAssertEqual(run.status, 3, run.stderr)
        let report = try run.requireReport()
        let host = try run.requireHost(target)
        XCTAssertEqual(host.outcome, .failed)
        XCTAssertContains(host.reason, "nothing changed: ", "HOST KEY CHANGED")
        XCTAssertNotNil(host.plan, "the probe before the key change planned the host")

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
        XCTAssertEqual(sides[target]?.allBefore, true)
        try test.assertVerified(run, FaultScenario.peers, sides: sides)
        try test.rollBack(report.runID.value, restoring: before)
    }
}
