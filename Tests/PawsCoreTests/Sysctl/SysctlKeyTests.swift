import Foundation
import XCTest
@testable import PawsCore

final class SysctlKeyTests: XCTestCase {
    func testDottedKey() throws {
        let key = try XCTUnwrap(SysctlKey("net.ipv4.tcp_tw_recycle"))
        XCTAssertEqual(key.components, ["net", "ipv4", "tcp_tw_recycle"])
        XCTAssertEqual(key.procPath, "/proc/sys/net/ipv4/tcp_tw_recycle")
        XCTAssertEqual(key, .tcpTwRecycle)
    }

    func testSlashKeys() throws {
        let key = try XCTUnwrap(SysctlKey("net/ipv4/conf/eth0.100/rp_filter"))
        XCTAssertEqual(key.components, ["net", "ipv4", "conf", "eth0.100", "rp_filter"])
        XCTAssertEqual(key.dotted, "net.ipv4.conf.eth0/100.rp_filter")
        XCTAssertEqual(key.relativePath, "net/ipv4/conf/eth0.100/rp_filter")
        XCTAssertEqual(SysctlKey("net/ipv4/tcp_tw_recycle"), .tcpTwRecycle)
    }

    func testDottedKeyWithSlashMeansLiteralDot() throws {
        // procps `slashdot()` swaps `.` and `/` when the first separator is a dot.
        let key = try XCTUnwrap(SysctlKey("net.ipv4.conf.eth0/100.rp_filter"))
        XCTAssertEqual(key.components, ["net", "ipv4", "conf", "eth0.100", "rp_filter"])
        XCTAssertEqual(key.procPath, "/proc/sys/net/ipv4/conf/eth0.100/rp_filter")
        XCTAssertEqual(key, SysctlKey("net/ipv4/conf/eth0.100/rp_filter"))
    }

    func testFirstSeparatorDecides() {
        XCTAssertEqual(SysctlKey("a/b.c/d")?.components, ["a", "b.c", "d"])
        XCTAssertEqual(SysctlKey("a.b/c.d")?.components, ["a", "b.c", "d"])
        XCTAssertEqual(SysctlKey("kernel")?.components, ["kernel"])
    }

    func testEmptyComponentsAreDropped() {
        XCTAssertEqual(SysctlKey("net..ipv4.tcp_tw_recycle"), .tcpTwRecycle)
        XCTAssertEqual(SysctlKey("/net/ipv4/tcp_tw_recycle"), .tcpTwRecycle)
        XCTAssertEqual(SysctlKey(".net.ipv4.tcp_tw_recycle."), .tcpTwRecycle)
    }

    func testEmptyKeyIsNil() {
        XCTAssertNil(SysctlKey(""))
        XCTAssertNil(SysctlKey("..."))
        XCTAssertNil(SysctlKey("//"))
    }

    func testKeysAreCaseSensitive() {
        XCTAssertNotEqual(SysctlKey("net.ipv4.TCP_TW_RECYCLE"), .tcpTwRecycle)
    }

    func testGlobDetection() {
        XCTAssertEqual(SysctlKey("net.ipv4.conf.*.rp_filter")?.isGlob, true)
        XCTAssertEqual(SysctlKey("net.ipv4.conf.eth?.rp_filter")?.isGlob, true)
        XCTAssertEqual(SysctlKey("net.ipv4.conf.eth[01].rp_filter")?.isGlob, true)
        XCTAssertEqual(SysctlKey("net.ipv4.conf.all.rp_filter")?.isGlob, false)
    }

    func testGlobMatchingStaysInsideOneComponent() throws {
        let pattern = try XCTUnwrap(SysctlKey("net.ipv4.conf.*.rp_filter"))
        XCTAssertTrue(pattern.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.all.rp_filter"))))
        XCTAssertTrue(pattern.globMatches(try XCTUnwrap(SysctlKey("net/ipv4/conf/eth0.100/rp_filter"))))
        XCTAssertFalse(pattern.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.all.accept_redirects"))))
        XCTAssertFalse(pattern.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.rp_filter"))))
        let star = try XCTUnwrap(SysctlKey("net.ipv4.*"))
        XCTAssertFalse(star.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.all.rp_filter"))))
    }

    func testGlobQuestionMarkAndBrackets() throws {
        let question = try XCTUnwrap(SysctlKey("net.ipv4.conf.eth?.rp_filter"))
        XCTAssertTrue(question.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.eth1.rp_filter"))))
        XCTAssertFalse(question.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.eth10.rp_filter"))))
        let bracket = try XCTUnwrap(SysctlKey("net.ipv4.conf.eth[0-2].rp_filter"))
        XCTAssertTrue(bracket.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.eth2.rp_filter"))))
        XCTAssertFalse(bracket.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.eth3.rp_filter"))))
        let negated = try XCTUnwrap(SysctlKey("net.ipv4.conf.[!l]*.rp_filter"))
        XCTAssertTrue(negated.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.eth0.rp_filter"))))
        XCTAssertFalse(negated.globMatches(try XCTUnwrap(SysctlKey("net.ipv4.conf.lo.rp_filter"))))
    }

    func testGlobPatternLikeFnmatch() {
        XCTAssertTrue(SysctlGlobPattern("a*b*c").matches("axxbyyc"))
        XCTAssertFalse(SysctlGlobPattern("a*b*c").matches("axxbyy"))
        XCTAssertTrue(SysctlGlobPattern("[]]").matches("]"))
        XCTAssertTrue(SysctlGlobPattern("a[").matches("a["))
        XCTAssertTrue(SysctlGlobPattern("\\*").matches("*"))
        XCTAssertFalse(SysctlGlobPattern("\\*").matches("x"))
        XCTAssertTrue(SysctlGlobPattern("*").matches(""))
        XCTAssertFalse(SysctlGlobPattern("?").matches(""))
        XCTAssertTrue(SysctlGlobPattern("eth[^0-3]").matches("eth7"))
    }

    func testCodableUsesDottedForm() throws {
        let key = try XCTUnwrap(SysctlKey("net/ipv4/conf/eth0.100/rp_filter"))
        let data = try JSONEncoder().encode([key])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["net.ipv4.conf.eth0\/100.rp_filter"]"#)
        XCTAssertEqual(try JSONDecoder().decode([SysctlKey].self, from: data), [key])
        XCTAssertThrowsError(try JSONDecoder().decode([SysctlKey].self, from: Data(#"[".."]"#.utf8)))
    }

    func testOrderingIsByComponents() throws {
        let keys = try ["net.ipv4.tcp_tw_reuse", "kernel.x", "net.ipv4.tcp_tw_recycle"].map { try XCTUnwrap(SysctlKey($0)) }
        XCTAssertEqual(keys.sorted().map(\.dotted), ["kernel.x", "net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_tw_reuse"])
    }
}
