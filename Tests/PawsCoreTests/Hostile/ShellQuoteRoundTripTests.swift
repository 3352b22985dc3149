import Foundation
import XCTest
@testable import PawsCore

/// `ShellQuote.quote` judged by real shells: whatever the value, `printf %s <quoted>` prints it back
/// byte for byte and runs nothing else. (NUL is left out: no argv or command line can carry it.)
final class ShellQuoteRoundTripTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-quote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var marker: String { scratch.appendingPathComponent("injected").path }

    func testHostileWordsReadBackByteForByteThroughShDashC() throws {
        var hostile = HostileText(seed: 0x5EED_0A01, marker: marker)
        // A quoted word may be 4 times as long as the value; one argv string stops at 128 KiB.
        let words = hostile.batch(150, allowNUL: false, maximumLength: 16_000)
        XCTAssertFalse(LocalShell.available.isEmpty)
        for shell in LocalShell.available {
            for (index, word) in words.enumerated() {
                let result = try LocalShell.run(shell, ["-c", "printf %s " + ShellQuote.quote(word)])
                XCTAssertEqual(result.status, 0, "\(LocalShell.name(shell)), case \(index) \(word.debugDescription): \(result.stderrText)")
                XCTAssertEqual(result.stdout, Array(word.utf8), "\(LocalShell.name(shell)), case \(index): \(word.debugDescription)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a quoted word ran a command")
    }

    /// Remote scripts travel on stdin (`sh -s`), where no argv limit applies: a 1 MiB value with
    /// every hostile fragment still reads back exactly.
    func testMegabyteWordReadsBackThroughAScriptOnStdin() throws {
        var hostile = HostileText(seed: 0x5EED_0A02, marker: marker)
        var word = ""
        while word.utf8.count < 1 << 20 { word += hostile.next(allowNUL: false, maximumLength: 512) }
        for shell in LocalShell.available {
            let result = try LocalShell.run(shell, ["-s"], stdin: Array(("printf %s " + ShellQuote.quote(word) + "\n").utf8))
            XCTAssertEqual(result.status, 0, "\(LocalShell.name(shell)): \(result.stderrText)")
            XCTAssertTrue(result.stdout == Array(word.utf8), "\(LocalShell.name(shell)) changed a 1 MiB word")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a quoted word ran a command")
    }

    /// A quote followed by a combining mark is one Swift Character that is not `'`: splitting on
    /// Characters left it unescaped and the rest of the value ran as shell code.
    func testQuoteFollowedByCombiningMarkIsEscaped() throws {
        let word = "x'\u{301}; touch \(marker) #"
        XCTAssertEqual(ShellQuote.quote(word), "'x'\\''\u{301}; touch \(marker) #'")
        let result = try LocalShell.run(["/bin/sh"], ["-c", "printf %s " + ShellQuote.quote(word)])
        XCTAssertEqual(result.stdout, Array(word.utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the combining mark let a command through")
    }

    func testJoinQuotesEveryWord() throws {
        var hostile = HostileText(seed: 0x5EED_0A03, marker: marker)
        let words = hostile.batch(40, allowNUL: false, maximumLength: 200)
        let result = try LocalShell.run(["/bin/sh"], ["-c", "printf '%s\\000' " + ShellQuote.join(words)])
        let printed = result.stdout.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { Array($0) }
        XCTAssertEqual(printed, words.map { Array($0.utf8) })
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a quoted word ran a command")
    }
}
