import XCTest
@testable import PawsCore

final class ProbeOutputParserTests: XCTestCase {
    private let request = ProbeRequest(keys: ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_timestamps"], boundary: "PGBtest")

    private func parse(_ text: String) throws -> HostSnapshot {
        try ProbeOutputParser(request: request, host: "db1").parse(Array(text.utf8))
    }

    func testSectionsAndExactFileBytes() throws {
        let output = """
            PGBtest probe 1
            PGBtest release
            3.10.0-1160.el7.x86_64
            PGBtest live 0
            1
            PGBtest live-absent 1
            PGBtest netstat
            TcpExt: PAWSPassive
            TcpExt: 7

            PGBtest path
            /etc/sysctl.d/99-sysctl.conf
            PGBtest link
            ../sysctl.conf

            PGBtest file
            a=1\r
            b = 2

            PGBtest path
            /etc/sysctl.conf
            PGBtest file
            no newline
            PGBtest path
            /etc/sysctl.d/secret.conf
            PGBtest file-unreadable

            PGBtest end

            """
        let snapshot = try parse(output)
        XCTAssertEqual(snapshot.kernelRelease, "3.10.0-1160.el7.x86_64")
        XCTAssertEqual(snapshot.live["net.ipv4.tcp_tw_recycle"], .value("1"))
        XCTAssertEqual(snapshot.live["net.ipv4.tcp_timestamps"], .absent)
        XCTAssertEqual(snapshot.netstatSamples, [.text("TcpExt: PAWSPassive\nTcpExt: 7\n")])
        XCTAssertEqual(snapshot.configFiles.count, 3)
        XCTAssertEqual(snapshot.configFiles[0].symlinkTarget, "../sysctl.conf")
        XCTAssertEqual(snapshot.configFiles[0].bytes, Array("a=1\r\nb = 2\n".utf8))
        XCTAssertEqual(snapshot.configFiles[1].bytes, Array("no newline".utf8))
        XCTAssertEqual(snapshot.configFiles[2].content, .unreadable)
    }

    func testForgedBoundaryInsideALineIsContent() throws {
        let output = "PGBtest probe 1\nPGBtest live 0\n1\nPGBtest live 1\n1\nPGBtest path\n/etc/sysctl.conf\nPGBtest file\nx PGBtest end\nPGBtest end\n"
        let snapshot = try parse(output)
        XCTAssertEqual(snapshot.configFiles.first?.bytes, Array("x PGBtest end".utf8))
    }

    func testGarbageBeforeHeaderIsAClearError() {
        XCTAssertThrowsError(try parse("Welcome to bash!\nPGBtest probe 1\nPGBtest end\n")) { error in
            XCTAssertEqual(error as? ProbeError, .missingHeader(host: "db1", firstLine: "Welcome to bash!"))
        }
    }

    func testTruncatedOutput() {
        XCTAssertThrowsError(try parse("PGBtest probe 1\nPGBtest live 0\n1\n")) { error in
            XCTAssertEqual(error as? ProbeError, .truncated(host: "db1", lastSection: "live"))
        }
    }

    func testBadKeyIndexAndUnknownSection() {
        XCTAssertThrowsError(try parse("PGBtest probe 1\nPGBtest live 9\n1\nPGBtest end\n")) {
            XCTAssertTrue("\($0)".contains("bad key index"), "\($0)")
        }
        XCTAssertThrowsError(try parse("PGBtest probe 1\nPGBtest rm -rf\nPGBtest end\n")) {
            XCTAssertTrue("\($0)".contains("unknown section"), "\($0)")
        }
    }

    func testScriptQuotesKeysAndRejectsInvalidOnes() {
        XCTAssertFalse(ProbeScript.validate(key: "net.ipv4.$(reboot)"))
        XCTAssertFalse(ProbeScript.validate(key: "net..x"))
        XCTAssertTrue(ProbeScript.validate(key: "net.ipv4.tcp_tw_recycle"))
        let script = ProbeScript.make(ProbeRequest(keys: ["net.ipv4.tcp_tw_recycle", "a.$(reboot)"], boundary: "PGBx"))
        XCTAssertFalse(script.contains("reboot"))
        XCTAssertTrue(script.contains("'/proc/sys/net/ipv4/tcp_tw_recycle'"))
    }

    func testShellQuote() {
        XCTAssertEqual(ShellQuote.quote("it's"), "'it'\\''s'")
        XCTAssertEqual(ShellQuote.quote(""), "''")
    }
}
