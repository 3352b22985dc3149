import XCTest
@testable import PawsCore

final class SysctlFileParserTests: XCTestCase {
    /// Later assertions index into results whose size the earlier ones check.
    override func setUp() {
        continueAfterFailure = false
    }

    private func parse(_ text: String, path: String = "/etc/sysctl.conf") -> SysctlFile {
        SysctlFileParser.parse(Array(text.utf8), path: path)
    }

    func testCommentsHashAndSemicolon() {
        let file = parse("""
            # a comment = 1
              ; another = 2
            \t# indented comment
            net.ipv4.tcp_tw_recycle = 0

            """)
        XCTAssertEqual(file.entries.map(\.key), [.tcpTwRecycle])
        XCTAssertEqual(file.entries.first?.location, SourceLocation(path: "/etc/sysctl.conf", line: 4))
        XCTAssertEqual(file.diagnostics, [])
    }

    func testHashInsideValueIsNotAComment() {
        let file = parse("kernel.domainname = example.com # not a comment\n")
        XCTAssertEqual(file.entries.first?.value, "example.com # not a comment")
    }

    func testValueWithSpaces() {
        let file = parse("  kernel.core_pattern   =   |/usr/bin/x %p   %e \t\n")
        XCTAssertEqual(file.entries.first?.value, "|/usr/bin/x %p   %e")
        XCTAssertEqual(file.entries.first?.rawKey, "kernel.core_pattern")
    }

    func testSplitAtFirstEquals() {
        let file = parse("kernel.modprobe=/sbin/modprobe --opt=a=b\n")
        XCTAssertEqual(file.entries.first?.key, SysctlKey("kernel.modprobe"))
        XCTAssertEqual(file.entries.first?.value, "/sbin/modprobe --opt=a=b")
    }

    func testEmptyValueIsAnAssignment() {
        let file = parse("kernel.domainname =\n")
        XCTAssertEqual(file.entries.first?.value, "")
        XCTAssertEqual(file.entries.first?.valueRange?.isEmpty, true)
    }

    func testDashPrefix() {
        let file = parse("-net.ipv4.tcp_tw_recycle = 0\nnet.ipv4.tcp_timestamps = 1\n")
        XCTAssertEqual(file.entries.map(\.ignoreFailure), [true, false])
        XCTAssertEqual(file.entries.first?.key, .tcpTwRecycle)
        XCTAssertEqual(file.entries.first?.rawKey, "net.ipv4.tcp_tw_recycle")
    }

    func testDashWithoutEqualsIsAGlobExclusion() {
        let file = parse("-net.ipv4.conf.lo.rp_filter\n")
        XCTAssertEqual(file.entries.first?.action, .excludeFromGlobs)
        XCTAssertNil(file.entries.first?.value)
        XCTAssertEqual(file.entries.first?.ignoreFailure, false)
        XCTAssertEqual(file.diagnostics, [])
    }

    func testBlankAfterDashKeepsTheBlankInTheProcpsKey() throws {
        // Verified with procps-ng 4.0.2: `sysctl -p` reports "cannot stat /proc/sys/ kernel/foo".
        let file = parse(" - kernel.foo = 1\n")
        let entry = try XCTUnwrap(file.entries.first)
        XCTAssertEqual(entry.key, SysctlKey("kernel.foo"))
        XCTAssertEqual(entry.procpsKey.components, [" kernel", "foo"])
        XCTAssertTrue(entry.ignoreFailure)
        XCTAssertEqual(file.diagnostics.map(\.kind), [.blankAfterDash(key: "kernel.foo")])
    }

    func testMalformedLineIsADiagnosticAndParsingGoesOn() {
        let file = parse("net.ipv4.tcp_tw_recycle\nnet.ipv4.tcp_timestamps = 1\n")
        XCTAssertEqual(file.entries.map(\.key), [.tcpTimestamps])
        XCTAssertEqual(file.diagnostics.count, 1)
        XCTAssertEqual(file.diagnostics.first?.location, SourceLocation(path: "/etc/sysctl.conf", line: 1))
        XCTAssertEqual(file.diagnostics.first?.kind, .notAnAssignment(text: "net.ipv4.tcp_tw_recycle"))
        XCTAssertTrue(file.diagnostics[0].description.contains("/etc/sysctl.conf:1"))
    }

    func testEmptyKey() {
        let file = parse(" = 1\n-=2\n..= 3\n")
        XCTAssertEqual(file.entries, [])
        XCTAssertEqual(file.diagnostics.map(\.kind), [.emptyKey, .emptyKey, .emptyKey])
        XCTAssertEqual(file.diagnostics.map(\.location.line), [1, 2, 3])
    }

    func testCRLF() {
        let file = parse("# c\r\nnet.ipv4.tcp_tw_recycle = 1\r\nnet.ipv4.tcp_timestamps = 1\r\n")
        XCTAssertEqual(file.lineEnding, .crlf)
        XCTAssertTrue(file.hasTrailingNewline)
        XCTAssertEqual(file.entries.map(\.value), ["1", "1"])
        let entry = file.entries[0]
        XCTAssertEqual(entry.span.terminator, .crlf)
        XCTAssertEqual(entry.span.line, 2)
        XCTAssertEqual(Array(file.bytes[entry.span.content]), Array("net.ipv4.tcp_tw_recycle = 1".utf8))
        XCTAssertEqual(Array(file.bytes[entry.span.fullRange]), Array("net.ipv4.tcp_tw_recycle = 1\r\n".utf8))
        XCTAssertEqual(file.diagnostics, [])
    }

    func testMixedLineEndingsAndMissingTrailingNewline() {
        let file = parse("a.b = 1\r\nc.d = 2\ne.f = 3")
        XCTAssertEqual(file.lineEnding, .mixed)
        XCTAssertFalse(file.hasTrailingNewline)
        XCTAssertEqual(file.lines.map(\.terminator), [.crlf, .lf, .none])
        XCTAssertEqual(file.entries.last?.value, "3")
    }

    func testEmptyFile() {
        let file = parse("")
        XCTAssertEqual(file.lines, [])
        XCTAssertEqual(file.lineEnding, .none)
        XCTAssertFalse(file.hasTrailingNewline)
    }

    func testNonUTF8() throws {
        // Latin-1 "café" in a comment and in a value, then a normal line.
        let bytes: [UInt8] = Array("# caf".utf8) + [0xE9] + [0x0A]
            + Array("kernel.domainname = caf".utf8) + [0xE9] + Array("  \n".utf8)
            + Array("net.ipv4.tcp_tw_recycle = 0\n".utf8)
        let file = SysctlFileParser.parse(bytes, path: "/etc/sysctl.d/latin1.conf")
        XCTAssertEqual(file.entries.count, 2)
        let value = try XCTUnwrap(file.entries[0].valueRange)
        XCTAssertEqual(Array(file.bytes[value]), Array("caf".utf8) + [0xE9], "byte offsets stay exact")
        XCTAssertEqual(file.entries[0].value, "caf\u{FFFD}")
        XCTAssertEqual(file.entries[1].key, .tcpTwRecycle)
        XCTAssertEqual(Array(file.bytes[file.entries[1].span.content]), Array("net.ipv4.tcp_tw_recycle = 0".utf8))
        // Only the meaningful line is flagged, not the comment.
        XCTAssertEqual(file.diagnostics.map(\.kind), [.invalidUTF8])
        XCTAssertEqual(file.diagnostics.map(\.location.line), [2])
    }

    func testNULByteEndsTheLineForProcps() {
        let bytes: [UInt8] = Array("net.ipv4.tcp_tw_recycle = 1".utf8) + [0x00] + Array("junk\n".utf8)
        let file = SysctlFileParser.parse(bytes, path: "/etc/sysctl.conf")
        XCTAssertEqual(file.entries.first?.value, "1")
        XCTAssertEqual(file.diagnostics.map(\.kind), [.nulByte])
    }

    func testBareCarriageReturnIsFlagged() {
        let file = parse("a.b = 1\rc.d = 2\n")
        XCTAssertEqual(file.entries.first?.value, "1\rc.d = 2")
        XCTAssertEqual(file.diagnostics.map(\.kind), [.bareCarriageReturn])
    }

    func testDuplicates() {
        let file = parse("""
            net.ipv4.tcp_tw_recycle = 1
            net/ipv4/tcp_tw_recycle = 0
            net.ipv4.tcp_tw_recycle=1

            """)
        XCTAssertEqual(file.entries(setting: .tcpTwRecycle).map(\.value), ["1", "0", "1"])
        XCTAssertEqual(file.entries(setting: .tcpTwRecycle).map(\.location.line), [1, 2, 3])
    }

    func testGlobEntry() {
        let file = parse("net.ipv4.conf.*.rp_filter = 2\n")
        XCTAssertEqual(file.entries.first?.isGlob, true)
    }

    func testByteRangesAllowRewritingExactlyOneLine() throws {
        let text = "# keep\r\n  net.ipv4.tcp_tw_recycle\t=  1  \r\nnet.ipv4.tcp_timestamps = 1"
        let file = parse(text)
        let entry = try XCTUnwrap(file.entries.first)
        let valueRange = try XCTUnwrap(entry.valueRange)
        var edited = file.bytes
        edited.replaceSubrange(valueRange, with: Array("0".utf8))
        XCTAssertEqual(
            String(decoding: edited, as: UTF8.self),
            "# keep\r\n  net.ipv4.tcp_tw_recycle\t=  0  \r\nnet.ipv4.tcp_timestamps = 1")
        XCTAssertEqual(String(decoding: file.bytes[entry.keyRange], as: UTF8.self), "net.ipv4.tcp_tw_recycle")
        XCTAssertEqual(file.text(of: entry.span), "  net.ipv4.tcp_tw_recycle\t=  1  ")
    }

    func testKeyRangeSkipsDash() throws {
        let file = parse("-  kernel.x = 1\n")
        let entry = try XCTUnwrap(file.entries.first)
        XCTAssertEqual(String(decoding: file.bytes[entry.keyRange], as: UTF8.self), "kernel.x")
    }
}
