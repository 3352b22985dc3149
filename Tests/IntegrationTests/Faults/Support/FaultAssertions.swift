import Foundation
import PawsCore
import XCTest

extension FaultCase {
    /// The rest of the fleet: each host verified by `run`, every change it planned in place.
    func assertVerified(
        _ run: ApplyRun, _ hosts: [String], sides: [String: BeforeOrAfter], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for name in hosts {
            let host = try run.requireHost(name, file: file, line: line)
            XCTAssertEqual(host.outcome, .verified, "\(name): \(host.reason ?? "")", file: file, line: line)
            XCTAssertEqual(sides[name]?.allAfter, true, "\(name) should carry every change: \(sides[name]?.description ?? "not checked")", file: file, line: line)
        }
    }

    /// `pawsguard rollback RUN-ID` must succeed and leave every host exactly as in `before`, its lock gone.
    func rollBack(
        _ runID: String, restoring before: [String: HostState], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let rollback = rollback(runID, file: file, line: line)
        XCTAssertEqual(rollback.status, 0, "rollback \(runID): \(rollback.stdout)\(rollback.stderr)", file: file, line: line)
        try fleet.assertRestored(before, file: file, line: line)
        for host in before.keys.sorted() {
            XCTAssertFalse(try fleet.exists(RemoteLockScript.lockDirectory, on: host), "\(host): the lock is still there", file: file, line: line)
        }
    }
}

/// Asserts `text` contains every one of `needles`, naming the first missing one.
func XCTAssertContains(_ text: String?, _ needles: String..., file: StaticString = #filePath, line: UInt = #line) {
    for needle in needles where !(text ?? "").contains(needle) {
        XCTFail("expected \(needle.debugDescription) in: \(text ?? "nil")", file: file, line: line)
        return
    }
}
