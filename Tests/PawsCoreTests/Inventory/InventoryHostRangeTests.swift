import XCTest
@testable import PawsCore

final class InventoryHostRangeTests: XCTestCase {
    private let here = SourceLocation(path: "inv.ini", line: 4)

    func testNumericRangeKeepsZeroPadding() throws {
        let names = try HostRangeExpander.expand("db[01:20].example.com", at: here)
        XCTAssertEqual(names.count, 20)
        XCTAssertEqual(names.first, "db01.example.com")
        XCTAssertEqual(names.last, "db20.example.com")
        XCTAssertEqual(try HostRangeExpander.expand("web[8:10]", at: here), ["web8", "web9", "web10"])
    }

    func testLetterRange() throws {
        XCTAssertEqual(try HostRangeExpander.expand("web[a:f]", at: here), ["weba", "webb", "webc", "webd", "webe", "webf"])
        XCTAssertEqual(try HostRangeExpander.expand("r[y:B]", at: here), ["ry", "rz", "rA", "rB"])
    }

    func testStride() throws {
        XCTAssertEqual(try HostRangeExpander.expand("n[1:10:2]", at: here), ["n1", "n3", "n5", "n7", "n9"])
        XCTAssertEqual(try HostRangeExpander.expand("n[a:e:2]", at: here), ["na", "nc", "ne"])
    }

    func testEmptyBeginMeansZeroAndSeveralRangesMultiply() throws {
        XCTAssertEqual(try HostRangeExpander.expand("h[:2]", at: here), ["h0", "h1", "h2"])
        XCTAssertEqual(
            try HostRangeExpander.expand("rack[1:2]-node[a:b]", at: here),
            ["rack1-nodea", "rack1-nodeb", "rack2-nodea", "rack2-nodeb"])
    }

    func testNameWithoutRangeIsKept() throws {
        XCTAssertEqual(try HostRangeExpander.expand("plain.example.com", at: here), ["plain.example.com"])
    }

    func testBadRanges() {
        let cases: [(String, String)] = [
            ("db[01:x]", "must both be numbers or both be single letters"),
            ("db[1]", "is not begin:end or begin:end:step"),
            ("db[1:2:3:4]", "is not begin:end or begin:end:step"),
            ("db[1:]", "has no end value"),
            ("db[1:5:0]", "step '0' is not a whole number of at least 1"),
            ("db[1:5:x]", "step 'x'"),
            ("db[9:1]", "begin 9 is greater than end 1"),
            ("db[f:a]", "begin 'f' comes after end 'a'"),
            ("db[01:100]", "must have the same width"),
            ("db[1:3", "'[' has no closing ']'"),
            ("db[aa:az]", "must both be numbers or both be single letters"),
            ("db[0:999999999]", "more than 100000 hosts"),
            ("db[0:999][0:999]", "more than 100000 hosts"),
        ]
        for (pattern, fragment) in cases {
            XCTAssertThrowsError(try HostRangeExpander.expand(pattern, at: here), pattern) { error in
                let message = (error as? InventoryError)?.description ?? ""
                XCTAssertTrue(message.hasPrefix("inv.ini:4: invalid host range '\(pattern)'"), message)
                XCTAssertTrue(message.contains(fragment), "\(message) lacks \(fragment)")
            }
        }
    }

    func testHostLineMayStartWithARange() throws {
        let inventory = try InventoryTestSupport.ini("[web]\n[1:2].web.example.com\n")
        XCTAssertEqual(inventory.hosts.map(\.name), ["1.web.example.com", "2.web.example.com"])
        XCTAssertEqual(inventory.groups["web"]?.hosts, ["1.web.example.com", "2.web.example.com"])
    }

    func testRangeInInventoryFile() throws {
        let inventory = try InventoryTestSupport.ini("[k8s]\nnode[01:03]:2222 ansible_user=core\n")
        XCTAssertEqual(inventory.hosts.map(\.name), ["node01", "node02", "node03"])
        XCTAssertEqual(inventory.hosts.map(\.port), [2222, 2222, 2222])
        XCTAssertEqual(inventory.groups["k8s"]?.hosts, ["node01", "node02", "node03"])
    }
}
