import XCTest
@testable import PawsCore

final class RemediationRunHistoryTests: XCTestCase {
    private let runID = RemediationFixtures.runID

    private func fileIntent(_ path: String) -> FileIntent {
        FileIntent(change: FileChange(realPath: path, oldBytes: Array("old\n".utf8), newBytes: Array("new\n".utf8), edits: []), backupPath: "/b" + path)
    }

    func testRecordsRoundTripAsJSONLines() throws {
        let record = JournalRecord(event: .fileIntent(host: "db1", change: 0, intent: fileIntent("/etc/sysctl.conf")))
        let line = try record.encodedLine()
        XCTAssertFalse(line.contains(0x0A), "one record, one line")
        XCTAssertEqual(try JournalRecord.decode(line: line), record)
    }

    func testAnIntentWithoutOutcomeMayBeInPlace() {
        let host = InventoryHost(name: "db1", address: "10.0.0.1", location: SourceLocation(path: "i", line: 1))
        let records: [JournalRecord] = [
            JournalRecord(event: .hostStarted(host: host, changes: 3)),
            JournalRecord(event: .fileIntent(host: "db1", change: 0, intent: fileIntent("/etc/a.conf"))),
            JournalRecord(event: .changeDone(host: "db1", change: 0)),
            JournalRecord(event: .fileIntent(host: "db1", change: 1, intent: fileIntent("/etc/b.conf"))),
            JournalRecord(event: .changeFailed(host: "db1", change: 1, reason: "changed", mayHaveHappened: false)),
            JournalRecord(event: .liveIntent(host: "db1", change: 2, intent: LiveIntent(key: .tcpTwRecycle, oldValue: "1", newValue: "0"))),
        ]
        let history = RunHistory(runID: runID, records: records)
        XCTAssertTrue(history.isInterrupted)
        XCTAssertEqual(history.hosts.first?.inventoryHost, host)
        XCTAssertEqual(history.hosts.first?.undoable.map(\.index), [2, 0], "newest first; the refused change never happened")
        XCTAssertEqual(history.undoableCount, 2)

        let restored = RunHistory(runID: runID, records: records + [
            JournalRecord(event: .changeRestored(host: "db1", change: 2, by: "rollback-x")),
            JournalRecord(event: .changeRestored(host: "db1", change: 0, by: "rollback-x")),
            JournalRecord(event: .runFinished(outcomes: ["verified": 1])),
        ])
        XCTAssertEqual(restored.undoableCount, 0)
        XCTAssertFalse(restored.isInterrupted)
    }
}
