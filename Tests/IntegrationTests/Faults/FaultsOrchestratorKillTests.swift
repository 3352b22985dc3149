import Foundation
import PawsCore
import XCTest

/// Issue 8, point 1: pawsguard itself SIGKILLed at each step of an apply, then `pawsguard rollback` from
/// the journal. The target is the canary, peer-a comes after it. At every step the files on both hosts
/// are, one by one, as before or as the journal's intents say (never partial), `runs` shows the run as
/// interrupted, and the rollback leaves both hosts exactly as before with no lock left.
/// (Killed after the first file's write: also `ApplyGuardTests.testARunKilledAfterAnIntentCanBeRolledBackFromItsJournal`.)
final class FaultsOrchestratorKillTests: XCTestCase {
    private static let shared = SharedFaultFleet(
        scenario: FaultScenario.matrix, hosts: ["peer-a", FaultScenario.target], prepare: FaultScenario.prepareTarget)
    private let hosts = [FaultScenario.target, "peer-a"]
    private let target = FaultScenario.target

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testKilledWhilePlanningChangesNothingAndLeavesNoJournal() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        let proxy = try fleet.startProxy(to: target, rule: "stall-after s2c \(FaultScenario.cutInsideProbe)")
        try test.use([try test.through(proxy), try test.direct("peer-a")])
        let before = try fleet.states(hosts)
        let running = try test.startApply()
        try proxy.waitForLog("stalled")
        running.killHard()
        for host in hosts { try HostProcesses.waitForIdle(try fleet.host(host)) }
        XCTAssertEqual(test.runIDs(), [], "nothing was journaled before the plan was confirmed")
        try fleet.assertRestored(before)
        for host in hosts { XCTAssertFalse(try fleet.exists(RemoteLockScript.lockDirectory, on: host), host) }
    }

    func testKilledAfterTheRunStartedBeforeAnyHost() throws {
        try killAndRollBack(pause: "PAWSGUARD_TEST_PAUSE_BEFORE_WRITE", at: "the run's start") { records in
            records.contains { if case .runStarted = $0.event { return true } else { return false } }
        } expectOnTarget: { _ in }
    }

    func testKilledAfterTheFirstIntentBeforeItsWrite() throws {
        try killAndRollBack(pause: "PAWSGUARD_TEST_PAUSE_AFTER_INTENT", at: "the first intent") { records in
            records.count("fileIntent", host: self.target) == 1
        } expectOnTarget: { sides in
            XCTAssertEqual(sides.allBefore, true, "the intent was journaled, the write never sent: \(sides.description)")
        }
    }

    func testKilledAfterTheFirstFileWasWritten() throws {
        try killAndRollBack(pause: "PAWSGUARD_TEST_PAUSE_AFTER_INTENT", at: "the second intent") { records in
            records.count("fileIntent", host: self.target) == 2
        } expectOnTarget: { sides in
            XCTAssertEqual(sides.sides["/etc/sysctl.conf"], .after)
            XCTAssertEqual(sides.sides[FaultScenario.bigFilePath], .before)
        }
    }

    func testKilledAfterTheLiveIntent() throws {
        try killAndRollBack(pause: "PAWSGUARD_TEST_PAUSE_AFTER_INTENT", at: "the live intent") { records in
            records.count("liveIntent", host: self.target) == 1
        } expectOnTarget: { sides in
            XCTAssertEqual(sides.sides["/etc/sysctl.conf"], .after)
            XCTAssertEqual(sides.sides[FaultScenario.bigFilePath], .after)
            XCTAssertEqual(sides.sides["live tcp_tw_recycle"], .before)
        }
    }

    func testKilledInTheMiddleOfAFileWrite() throws {
        let fleet = try Self.shared.fleet()
        let proxy = try fleet.startProxy(to: target, rule: "stall-after c2s \(FaultScenario.cutInsideBigWrite) skip=1")
        try killAndRollBack(through: proxy, at: "a stalled write of 50-big.conf", waitForKillPoint: { _ in
            try proxy.waitForLog("stalled")
        }, expectOnTarget: { sides in
            XCTAssertEqual(sides.sides["/etc/sysctl.conf"], .after)
            XCTAssertEqual(sides.sides[FaultScenario.bigFilePath], .before, "half the content arrived; the file was never replaced")
        })
    }

    func testKilledBeforeVerification() throws {
        try killAndRollBack(pause: "PAWSGUARD_TEST_PAUSE_BEFORE_VERIFY", at: "the target's three changes done") { records in
            records.count("changeDone", host: self.target) == 3
        } expectOnTarget: { sides in
            XCTAssertEqual(sides.allAfter, true, "every change was made: \(sides.description)")
        }
    }

    func testKilledAfterTheCanaryWasVerified() throws {
        try killAndRollBack(pause: "PAWSGUARD_TEST_PAUSE_BEFORE_WRITE", at: "the canary finished") { records in
            records.count("hostFinished", host: self.target) == 1
        } expectOnTarget: { sides in
            XCTAssertEqual(sides.allAfter, true, "the canary was verified before the kill: \(sides.description)")
        }
    }

    /// Starts an apply with the test pause `pause` (2 s at each of its points), SIGKILLs it once the journal shows `killPoint`, and
    /// checks every host before or after as the journal's intents say, then the rollback.
    private func killAndRollBack(
        pause: String, at what: String, file: StaticString = #filePath, line: UInt = #line,
        killPoint: @escaping ([JournalRecord]) -> Bool, expectOnTarget: (BeforeOrAfter) -> Void
    ) throws {
        try killAndRollBack(
            through: nil, environment: [pause: "2"], at: what,
            waitForKillPoint: { test in _ = try test.waitForJournal(what: what, where: killPoint) },
            expectOnTarget: expectOnTarget, file: file, line: line)
    }

    private func killAndRollBack(
        through proxy: FaultProxy?, environment: [String: String] = [:], at what: String,
        waitForKillPoint: (FaultCase) throws -> Void, expectOnTarget: (BeforeOrAfter) -> Void,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase(what)
        try test.use([try proxy.map { try test.through($0) } ?? test.direct(target), try test.direct("peer-a")])
        let before = try fleet.states(hosts)

        let running = try test.startApply(environment: environment)
        try waitForKillPoint(test)
        running.killHard()
        for host in hosts { try HostProcesses.waitForIdle(try fleet.host(host)) }
        let runID = try XCTUnwrap(test.runIDs().last, "a journal exists", file: file, line: line)
        let records = test.journal(runID)
        XCTAssertFalse(records.isFinished, "killed at \(what): the journal cannot be finished", file: file, line: line)

        let sides = try fleet.assertBeforeOrAfter(before, planned: PlannedChanges.fromJournal(records), file: file, line: line)
        expectOnTarget(try XCTUnwrap(sides[target], file: file, line: line))
        if records.count("hostStarted", host: "peer-a") == 0 {
            XCTAssertEqual(sides["peer-a"]?.allBefore, true, "peer-a was not reached yet", file: file, line: line)
        }
        let runs = test.pawsguard(["runs"], file: file, line: line)
        XCTAssertContains(runs.stdout, runID, "interrupted", file: file, line: line)

        try proxy?.set("pass")
        try test.rollBack(runID, restoring: before, file: file, line: line)
        let again = test.rollback(runID, file: file, line: line)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr, file: file, line: line)
        XCTAssertContains(again.stdout, "nothing to undo", file: file, line: line)
    }
}
