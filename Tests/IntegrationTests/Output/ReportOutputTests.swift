import Foundation
import XCTest

/// `-o FILE` must never replace what is at FILE when it is not a regular file: an atomic rename
/// over `-o /dev/null` once replaced the machine's /dev/null with a regular file.
final class ReportOutputTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "pawsguard-output-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testFIFOStaysAFIFOAndReceivesTheReport() throws {
        let fifo = folder + "/report.fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = ReceivedBytes()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) {
                received.data = handle.readDataToEndOfFile()
                try? handle.close()
            }
            received.done.signal()
        }
        reader.start()
        let result = Pawsguard.run(["audit", "--local", "--format", "json", "-o", fifo])
        XCTAssertEqual(received.done.wait(timeout: .now() + 30), .success)
        XCTAssertTrue([0, 1].contains(result.status), result.stderr)
        var status = stat()
        XCTAssertEqual(lstat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
        XCTAssertTrue(String(decoding: received.data, as: UTF8.self).contains("\"schemaVersion\""))
    }

    func testSymlinkStaysALinkAndItsTargetGetsTheReport() throws {
        let target = folder + "/real.json"
        let link = folder + "/link.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: target, contents: Data("old".utf8)))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let result = Pawsguard.run(["audit", "--local", "--format", "json", "-o", link])
        XCTAssertTrue([0, 1].contains(result.status), result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.json")
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self).contains("\"schemaVersion\""))
    }
}

private final class ReceivedBytes: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
