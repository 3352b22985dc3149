import Foundation
import XCTest

/// Point 3 of the apply issue: a non-root login goes through `sudo -n`; a sudo that wants a
/// password is a clear, immediate failure, never a hang, and nothing changes.
final class ApplyPrivilegeTests: XCTestCase {
    private let host = "centos-sudo"

    func testAUserWithPasswordlessSudoAppliesAndRollsBack() throws {
        let fleet = try ApplyFleet(hosts: [host])
        let original = try fleet.state(of: host)

        let dryRun = fleet.apply(["-u", "alice", "--dry-run"], yes: false)
        XCTAssertEqual(dryRun.status, 0, dryRun.stdout + dryRun.stderr)
        XCTAssertTrue(dryRun.stdout.contains("--- /etc/sysctl.d/60-tuning.conf"), "the root-only file was read through sudo: \(dryRun.stdout)")

        let applied = fleet.apply(["-u", "alice", "--format", "json"])
        XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
        XCTAssertTrue(applied.stdout.contains("\"outcome\" : \"verified\""), applied.stdout)
        let after = try fleet.state(of: host)
        XCTAssertEqual(after.live["tcp_tw_recycle"], "0\n")
        let dropIn = try XCTUnwrap(after.files["/etc/sysctl.d/60-tuning.conf"])
        XCTAssertEqual([dropIn.mode, dropIn.owner, dropIn.group], [0o600, 0, 0], "mode and owner kept, not alice's")
        XCTAssertTrue(String(decoding: dropIn.bytes, as: UTF8.self).hasPrefix("# pawsguard "))
        XCTAssertEqual(after.files["/etc/sysctl.d/99-sysctl.conf"]?.symlinkTarget, "../sysctl.conf")

        let runID = try XCTUnwrap(fleet.runIDs().last)
        let rollback = fleet.pawsguard(["rollback", runID, "-u", "alice", "--known-hosts", fleet.fleet.knownHostsPath])
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        XCTAssertTrue(try fleet.state(of: host).sameContent(as: original))
    }

    func testASudoThatWantsAPasswordFailsAtOnceAndChangesNothing() throws {
        let fleet = try ApplyFleet(hosts: [host])
        let original = try fleet.state(of: host)
        let started = Date()
        for arguments in [["--dry-run"], ["--format", "json"]] {
            let result = fleet.apply(["-u", "bob"] + arguments)
            XCTAssertEqual(result.status, 3, result.stdout + result.stderr)
            XCTAssertTrue(result.stdout.contains("sudo needs a password for this user; pawsguard never types one"), result.stdout)
            XCTAssertTrue(result.stdout.contains("failed"), result.stdout)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "a password prompt must not make pawsguard wait")
        XCTAssertEqual(try fleet.state(of: host), original)
        XCTAssertTrue(fleet.runIDs().isEmpty, "nothing to change was planned, so no run was started")
    }
}
