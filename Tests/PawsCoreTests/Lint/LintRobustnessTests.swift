import XCTest

@testable import PawsCore

/// Whatever the bytes, the linter returns: no crash, no trap, locations inside the file.
final class LintRobustnessTests: XCTestCase {
    private static let paths = [
        "etc/sysctl.conf", "a.sh", "Dockerfile", "site.yml", "main.tf", "init.pp", "s.sls", "other.conf", "user-data",
    ]
    private static let pieces = [
        "net.ipv4.tcp_tw_recycle", "/proc/sys/net/ipv4/tcp_tw_recycle", "tcp_timestamps", " = ", "=", ":", "1", "0", "yes", "\"", "'",
        "\\", "\n", "\r\n", "#", "//", "/*", "*/", "<<EOF", "EOF", "<<-", "${", "}", "{", "[", "]", "(", ")", "$(", "`", "sysctl -w ",
        "echo ", " > ", " | tee ", "- name: ", "value: ", "  ", "\t", "sh -c ", "sed -i 's/", "/", "@(END)", "| END", "\u{0}", "\u{FF}",
        "é", "pawsguard: ignore[", "&a", "*a", "--- ", "%{", "{{ x }}", ";", "&&",
    ]

    func testSeededRandomInputNeverCrashes() throws {
        let linter = try LintTestSupport.linter(targetKernel: "5.15")
        var generator = LintRandom(seed: 0x5EED_1A7E)
        for round in 0..<1500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 60) {
                bytes += Array(Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))].utf8)
            }
            if round % 7 == 0, !bytes.isEmpty { bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            let path = Self.paths[round % Self.paths.count]
            let result = linter.lint(path: path, bytes: bytes)
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            for finding in result.findings {
                XCTAssertTrue((1...max(1, lines)).contains(finding.location.line), "round \(round): \(finding.location) outside \(lines) lines")
                XCTAssertGreaterThanOrEqual(finding.location.column ?? 0, 1)
            }
        }
    }

    func testHugeLineIsCheckedAndReported() throws {
        // Minified JSON-like text, 5 MiB on one line.
        var text = String(repeating: "{\"k\":1},", count: (5 << 20) / 8)
        let prefix = text.utf8.count
        text += "{\"net.ipv4.tcp_tw_recycle\":1}\n"
        let started = ContinuousClock.now
        let result = try LintTestSupport.linter().lint(path: "blob.conf", bytes: Array(text.utf8))
        XCTAssertEqual(result.findings.map(\.location.column), [prefix + 3])
        XCTAssertEqual(result.notices.map(\.code), ["long-line"])
        XCTAssertLessThan(started.duration(to: .now), .seconds(30))
    }

    func testDeepNestingAndUnbalancedInput() throws {
        let linter = try LintTestSupport.linter()
        let deep = String(repeating: "[", count: 5000) + "net.ipv4.tcp_tw_recycle: 1" + String(repeating: "]", count: 10)
        _ = linter.lint(path: "deep.yml", bytes: Array(deep.utf8))
        let nested = String(repeating: "sh -c '", count: 50) + "sysctl -w net.ipv4.tcp_tw_recycle=1"
        _ = linter.lint(path: "nested.sh", bytes: Array(nested.utf8))
        let heredocs = String(repeating: "cat <<A\n", count: 2000) + "net.ipv4.tcp_tw_recycle = 1\n"
        XCTAssertFalse(linter.lint(path: "h.sh", bytes: Array(heredocs.utf8)).findings.isEmpty)
    }
}
