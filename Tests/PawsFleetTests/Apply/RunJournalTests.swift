import Foundation
import XCTest
@testable import PawsCore
@testable import PawsFleet

final class ApplyRunJournalTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.path + "/pawsguard-journal-\(UUID().uuidString.prefix(8))/runs"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    private let runID = RunID("20261127T120000Z-abc123")!

    func testAppendedRecordsAreReadBackInOrderFromAPrivateFolder() throws {
        let store = JournalStore(root: root)
        let journal = try RunJournal.create(in: store, runID: runID)
        try journal.append(.runStarted(RunStart(
            runID: runID, toolVersion: "t", operatorName: "me", commandLine: ["pawsguard"], desired: [], hosts: ["a"], backupDirectory: "/b")))
        try journal.append(.liveIntent(host: "a", change: 0, intent: LiveIntent(key: .tcpTwRecycle, oldValue: "1", newValue: "0")))
        try journal.append(.changeDone(host: "a", change: 0))
        journal.close()
        XCTAssertThrowsError(try journal.append(.changeDone(host: "a", change: 1)), "a closed journal takes nothing")

        XCTAssertEqual(store.runIDs(), [runID])
        let history = try store.history(of: runID)
        XCTAssertEqual(history.start?.hosts, ["a"])
        XCTAssertEqual(history.undoableCount, 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.directory(of: runID))
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o700)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: store.journalPath(of: runID))[.posixPermissions] as? Int, 0o600)
        XCTAssertThrowsError(try RunJournal.create(in: store, runID: runID), "a run id is never reused")
    }

    func testATornLastLineIsIgnoredButCorruptionElsewhereIsAnError() throws {
        let store = JournalStore(root: root)
        let journal = try RunJournal.create(in: store, runID: runID)
        try journal.append(.changeDone(host: "a", change: 0))
        journal.close()
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: store.journalPath(of: runID)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"event":{"changeDo"#.utf8))
        try handle.close()
        XCTAssertEqual(try store.records(of: runID).count, 1)

        try Data("garbage\n{}\n".utf8).write(to: URL(fileURLWithPath: store.journalPath(of: runID)))
        XCTAssertThrowsError(try store.records(of: runID))
    }

    func testUnknownRunsAndTheXDGDefault() {
        let store = JournalStore(root: root)
        XCTAssertThrowsError(try store.records(of: runID)) { error in
            XCTAssertTrue("\(error)".contains("pawsguard runs"), "\(error)")
        }
        XCTAssertEqual(JournalStore.defaultRoot(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/pawsguard/runs")
        XCTAssertEqual(JournalStore.defaultRoot(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]), "/h/.local/state/pawsguard/runs")
        XCTAssertEqual(JournalStore.defaultRoot(environment: ["HOME": "/h"]), "/h/.local/state/pawsguard/runs")
    }
}

final class ApplyPortProbeTests: XCTestCase {
    func testAClosedPortIsReportedAsSuch() {
        // Port 9 (discard) on a loopback address nothing listens on.
        XCTAssertFalse(PortProbe.accepts(address: "127.0.0.1", port: 9, timeoutSeconds: 1))
        XCTAssertFalse(PortProbe.accepts(address: "no-such-host.invalid", port: 22, timeoutSeconds: 1))
    }
}
