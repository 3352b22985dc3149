import XCTest
@testable import PawsCore

final class SysctlParseMemoTests: XCTestCase {
    func testSamePathAndBytesGiveTheSameParseAndOtherBytesAnother() {
        let memo = SysctlParseMemo(variantsPerPath: 2, pathLimit: 10)
        let one = memo.file(Array("net.ipv4.tcp_tw_recycle = 1\n".utf8), path: "/etc/sysctl.d/a.conf")
        let again = memo.file(Array("net.ipv4.tcp_tw_recycle = 1\n".utf8), path: "/etc/sysctl.d/a.conf")
        XCTAssertEqual(one, again)
        let other = memo.file(Array("net.ipv4.tcp_tw_recycle = 0\n".utf8), path: "/etc/sysctl.d/a.conf")
        XCTAssertEqual(other.entries.first?.value, "0")
        let relabelled = memo.file(Array("net.ipv4.tcp_tw_recycle = 1\n".utf8), path: "/etc/sysctl.conf")
        XCTAssertEqual(relabelled.entries.first?.location.path, "/etc/sysctl.conf")
        XCTAssertEqual(memo.count, 3)
    }

    func testBoundedByVariantsAndPaths() {
        let memo = SysctlParseMemo(variantsPerPath: 2, pathLimit: 3)
        for value in 0..<5 {
            let file = memo.file(Array("k.x = \(value)\n".utf8), path: "/etc/sysctl.d/a.conf")
            XCTAssertEqual(file.entries.first?.value, "\(value)")
        }
        for index in 0..<10 {
            let file = memo.file(Array("k.x = 1\n".utf8), path: "/etc/sysctl.d/\(index).conf")
            XCTAssertEqual(file.path, "/etc/sysctl.d/\(index).conf")
        }
        XCTAssertEqual(memo.count, 2 + 2)
    }

    func testBoundedByBytesHeld() {
        let memo = SysctlParseMemo(variantsPerPath: 4, pathLimit: 100, byteLimit: 100)
        let big = Array(("k.x = 1\n" + String(repeating: "# padding\n", count: 20)).utf8)
        let parsed = memo.file(big, path: "/etc/sysctl.d/big.conf")
        XCTAssertEqual(parsed.entries.count, 1, "parsed, just not kept")
        XCTAssertEqual(memo.count, 0)
        _ = memo.file(Array("k.x = 1\n".utf8), path: "/etc/sysctl.d/small.conf")
        XCTAssertEqual(memo.count, 1)
    }
}
