import Foundation
import PawsCore
import XCTest

/// Issue 8, point 1, faults before anything is written: a host that is down, a closed port, a port that
/// never speaks SSH, a server that stalls in the middle of key exchange, and a connection dropped while
/// the probe's answer arrives. Each test applies to the faulty host and two healthy peers at once and
/// checks the faulty host's outcome, the peers verified, every file on every host before or after (never
/// partial), and an exact rollback.
final class FaultsNetworkTests: XCTestCase {
    private static let shared = SharedFaultFleet(
        scenario: FaultScenario.matrix, hosts: FaultScenario.peers + [FaultScenario.target, "down", "closed", "silent"],
        prepare: FaultScenario.prepareTarget)

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testAuditClassifiesEveryConnectionFaultAndAuditsTheRest() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        let stallKex = try fleet.startProxy(to: FaultScenario.target, rule: "stall-kex")
        let cutProbe = try fleet.startProxy(to: FaultScenario.target, rule: "cut-after s2c \(FaultScenario.cutInsideProbe)")
        let stallProbe = try fleet.startProxy(to: FaultScenario.target, rule: "stall-after s2c \(FaultScenario.cutInsideProbe)")
        try test.use([
            try test.direct("peer-a"), try test.direct("peer-b"), try test.direct(FaultScenario.target),
            try test.unreachable("down"), try test.unreachable("closed"), try test.unreachable("silent"),
            try test.through(stallKex, as: "stalls-in-kex"), try test.through(cutProbe, as: "cut-in-probe"),
            try test.through(stallProbe, as: "stalls-in-probe"),
        ])
        let run = test.audit(["--timeout", "4"])
        XCTAssertEqual(run.status, 1, "critical findings outrank failed hosts: \(run.stderr)")
        let expected: [String: (kind: String, text: String)] = [
            "down": ("timeout", "during TCP connect"),
            "closed": ("unreachable", "connection refused"),
            "silent": ("timeout", "during waiting for the SSH banner"),
            "stalls-in-kex": ("timeout", "during key exchange"),
            "cut-in-probe": ("unreachable", "connection lost while"),
            "stalls-in-probe": ("timeout", "during command execution"),
        ]
        for (name, failure) in expected {
            let host = try run.requireHost(name)
            XCTAssertEqual(host.status, "failed", name)
            XCTAssertEqual(host.failure?.kind, failure.kind, "\(name): \(host.failure?.message ?? "")")
            XCTAssertContains(host.failure?.message, failure.text)
        }
        for name in FaultScenario.peers + [FaultScenario.target] {
            XCTAssertEqual(try run.requireHost(name).status, "audited", name)
        }
        XCTAssertLessThan(run.seconds, 20, "the faults are waited for at once, each within its timeout")
    }

    func testApplyCarriesOnPastAHostThatIsDown() throws {
        try assertApplyFailsCleanly(
            faulty: { test in try test.unreachable("down") }, name: "down",
            reason: ["timeout: ", "timed out after 2.0 s during TCP connect"])
    }

    func testApplyCarriesOnPastAClosedPort() throws {
        try assertApplyFailsCleanly(
            faulty: { test in try test.unreachable("closed") }, name: "closed",
            reason: ["unreachable: ", "connection refused"])
    }

    func testApplyCarriesOnPastAPortThatNeverSendsABanner() throws {
        try assertApplyFailsCleanly(
            faulty: { test in try test.unreachable("silent") }, name: "silent",
            reason: ["timeout: ", "during waiting for the SSH banner"])
    }

    func testApplyCarriesOnPastAServerThatStallsMidKeyExchange() throws {
        let proxy = try Self.shared.fleet().startProxy(to: FaultScenario.target, rule: "stall-kex")
        try assertApplyFailsCleanly(
            faulty: { test in try test.through(proxy) }, name: FaultScenario.target,
            reason: ["timeout: ", "during key exchange"])
        XCTAssertContains(proxy.log, "stalled")
    }

    func testApplyLeavesAHostWhoseConnectionDropsDuringTheProbeUntouched() throws {
        let proxy = try Self.shared.fleet().startProxy(to: FaultScenario.target, rule: "cut-after s2c \(FaultScenario.cutInsideProbe)")
        try assertApplyFailsCleanly(
            faulty: { test in try test.through(proxy) }, name: FaultScenario.target,
            reason: ["unreachable: ", "connection lost while"])
        XCTAssertContains(proxy.log, "s2c=\(FaultScenario.cutInsideProbe)", "end=cut")
    }

    /// Applies to the peers and the faulty host (last, so it runs beside a peer in the batch after the
    /// canary): the faulty host fails during planning with `reason`, nothing of it changes, the peers are
    /// verified; then the run's rollback restores the peers exactly.
    private func assertApplyFailsCleanly(
        faulty: (FaultCase) throws -> FaultCase.Entry, name: String, reason: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase(name)
        try test.use([try test.direct("peer-a"), try test.direct("peer-b"), try faulty(test)])
        let upHosts = FaultScenario.peers + [FaultScenario.target]
        let before = try fleet.states(upHosts)

        let run = test.apply(file: file, line: line)
        XCTAssertEqual(run.status, 3, run.stderr, file: file, line: line)
        let report = try run.requireReport(file: file, line: line)
        let host = try run.requireHost(name, file: file, line: line)
        XCTAssertEqual(host.outcome, .failed, file: file, line: line)
        XCTAssertNil(host.plan, "no plan without a probe", file: file, line: line)
        XCTAssertFalse(host.applied, file: file, line: line)
        for needle in reason { XCTAssertContains(host.reason, needle, file: file, line: line) }
        XCTAssertEqual(report.summary["verified"], 2, file: file, line: line)
        XCTAssertEqual(report.summary["failed"], 1, file: file, line: line)

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromReport(report), file: file, line: line)
        XCTAssertEqual(sides[FaultScenario.target]?.allBefore, true, "the target never changes here", file: file, line: line)
        try test.assertVerified(run, FaultScenario.peers, sides: sides, file: file, line: line)
        try test.rollBack(report.runID.value, restoring: before, file: file, line: line)
    }
}
