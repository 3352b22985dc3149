import Foundation
import PawsCore
import XCTest

/// Issue 8, point 1, hosts that refuse the change on their side: a full disk (a tmpfs), a read-only /etc,
/// a sudo that wants a password; and hosts whose `sh` is busybox or dash (Tests/Scenarios/faults-hosts).
/// The refusing host is the canary; the two peers after it must be verified; every file on every host is
/// as before or as the run meant, and the rollback restores the peers exactly.
final class FaultsHostEnvironmentTests: XCTestCase {
    private static let shared = SharedFaultFleet(scenario: FaultScenario.hostEnvironments)

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testARemoteDiskFullUndoesTheHostsEarlierWrite() throws {
        let fleet = try Self.shared.fleet()
        let root = fleet.fleet.rootPath(of: try fleet.host("disk-full"))
        var space = statvfs()
        XCTAssertEqual(statvfs(root + "/etc/sysctl.d", &space), 0)
        XCTAssertEqual(space.f_bavail, 0, "the host's /etc/sysctl.d has no free block")

        let (host, journal) = try assertRefused("disk-full", outcome: .rolledBack) { sides in
            XCTAssertEqual(sides.allBefore, true, "sysctl.conf, written first, was restored: \(sides.description)")
        }
        XCTAssertContains(host.reason, "No space left on device", "every change was undone")
        XCTAssertEqual(journal.count("changeDone", host: "disk-full"), 1, "/etc/sysctl.conf was written before the full disk refused the drop-in")
        XCTAssertEqual(journal.count("changeFailed", host: "disk-full"), 1)
    }

    func testAReadOnlyEtcChangesNothing() throws {
        let (host, _) = try assertRefused("readonly-etc", outcome: .rolledBack) { sides in
            XCTAssertEqual(sides.allBefore, true, sides.description)
        }
        XCTAssertContains(host.reason, "Read-only file system", "every change was undone")
    }

    func testASudoThatAsksForAPasswordFailsAtOnce() throws {
        let started = Date()
        let (host, _) = try assertRefused("sudo-password", user: "bob", outcome: .failed) { sides in
            XCTAssertEqual(sides.allBefore, true, sides.description)
        }
        XCTAssertContains(host.reason, "sudo needs a password for this user; pawsguard never types one")
        XCTAssertNil(host.plan, "the planning probe already went through sudo -n")
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "no prompt was waited for")
    }

    func testHostsWhoseShellIsBusyboxOrDashAreFixedAndRolledBack() throws {
        let fleet = try Self.shared.fleet()
        let shells = ["busybox-sh": "/usr/bin/busybox", "dash-sh": "/usr/bin/dash"]
        for (name, binary) in shells {
            let login = try fleet.fleet.ssh(try fleet.host(name), "readlink /proc/$$/exe; readlink -f /bin/sh")
            XCTAssertEqual(login.stdout, "\(binary)\n\(binary)\n", "\(name): the login shell and sh are \(binary): \(login.stderr)")
        }
        let hosts = Array(shells.keys).sorted() + ["peer-a"]
        let test = try fleet.newCase()
        try test.use(try hosts.map { try test.direct($0) })
        let before = try fleet.states(hosts)

        let audit = test.audit()
        for name in hosts {
            let entry = try audit.requireHost(name)
            XCTAssertEqual(entry.status, "audited", name)
            XCTAssertEqual(entry.facts?.keys["net.ipv4.tcp_tw_recycle"]?.live.value, "1", name)
        }
        let run = test.apply()
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let report = try run.requireReport()
        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report))
        try test.assertVerified(run, hosts, sides: sides)
        XCTAssertEqual(sides["busybox-sh"]?.sides["/usr/lib/sysctl.d/50-vendor.conf"], .after, "the CRLF file without a final newline")
        try test.rollBack(report.runID.value, restoring: before)
    }

    /// Applies to `name` (the canary, logging in as `user`) and the two peers: `name` gets `outcome`, the
    /// peers are verified, every file is before or after; then the rollback restores everything. Returns
    /// the host's report line and the run's journal.
    private func assertRefused(
        _ name: String, user: String = "root", outcome: ApplyOutcome, file: StaticString = #filePath, line: UInt = #line,
        expect: (BeforeOrAfter) -> Void
    ) throws -> (host: HostApplyResult, journal: [JournalRecord]) {
        let fleet = try Self.shared.fleet()
        let hosts = [name] + FaultScenario.peers
        let test = try fleet.newCase(name)
        try test.use([try test.direct(name, user: user)] + FaultScenario.peers.map { try test.direct($0) })
        let before = try fleet.states(hosts)

        let run = test.apply(file: file, line: line)
        XCTAssertEqual(run.status, 3, run.stderr, file: file, line: line)
        let report = try run.requireReport(file: file, line: line)
        let host = try run.requireHost(name, file: file, line: line)
        XCTAssertEqual(host.outcome, outcome, host.reason ?? "", file: file, line: line)
        XCTAssertFalse(host.applied, file: file, line: line)

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report), file: file, line: line)
        expect(try XCTUnwrap(sides[name], file: file, line: line))
        try test.assertVerified(run, FaultScenario.peers, sides: sides, file: file, line: line)
        let journal = test.journal(report.runID.value)
        try test.rollBack(report.runID.value, restoring: before, file: file, line: line)
        return (host, journal)
    }
}
