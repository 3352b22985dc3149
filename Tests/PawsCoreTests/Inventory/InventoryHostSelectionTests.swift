import XCTest
@testable import PawsCore

final class InventoryHostSelectionTests: XCTestCase {
    private static let fleet = """
        [mysql]
        mysql-a
        mysql-b
        [monitoring]
        exporter
        [k8s_nodes]
        node[1:4]
        web10
        [db:children]
        mysql
        [staging]
        mysql-b
        node4
        [empty]
        """

    private func names(_ patterns: String) throws -> [String] {
        let inventory = try InventoryTestSupport.ini(Self.fleet)
        return try inventory.select(HostSelection(patterns: patterns)).map(\.name)
    }

    func testAllAndHostAndGroupNames() throws {
        XCTAssertEqual(try names("all"), ["mysql-a", "mysql-b", "exporter", "node1", "node2", "node3", "node4", "web10"])
        XCTAssertEqual(try names("*").count, 8)
        XCTAssertEqual(try names("exporter"), ["exporter"])
        XCTAssertEqual(try names("db"), ["mysql-a", "mysql-b"])
        XCTAssertEqual(try InventoryTestSupport.ini(Self.fleet).select(.all).count, 8)
    }

    func testUnionWithCommaOrColonInInventoryOrder() throws {
        XCTAssertEqual(try names("monitoring,mysql"), ["mysql-a", "mysql-b", "exporter"])
        XCTAssertEqual(try names("monitoring:mysql"), ["mysql-a", "mysql-b", "exporter"])
        XCTAssertEqual(try names(" monitoring , mysql-a ,, "), ["mysql-a", "exporter"])
    }

    func testIntersection() throws {
        XCTAssertEqual(try names("k8s_nodes:&staging"), ["node4"])
        XCTAssertEqual(try names("db,&staging"), ["mysql-b"])
        XCTAssertEqual(try names("&staging"), ["mysql-b", "node4"], "only & patterns start from all")
        XCTAssertEqual(try names("mysql:&monitoring"), [])
    }

    func testExclusion() throws {
        XCTAssertEqual(try names("all:!k8s_nodes"), ["mysql-a", "mysql-b", "exporter"])
        XCTAssertEqual(try names("!db"), ["exporter", "node1", "node2", "node3", "node4", "web10"])
    }

    func testOrderIsUnionsThenIntersectionsThenExclusions() throws {
        // Written exclusion-first, still evaluated as (db ∪ k8s_nodes) ∩ staging − mysql-b.
        XCTAssertEqual(try names("!mysql-b,&staging,db,k8s_nodes"), ["node4"])
        let selection = try HostSelection(patterns: "!x*,&y*,z*")
        XCTAssertEqual(selection.terms.map(\.operation), [.union, .intersection, .exclusion])
        XCTAssertEqual(selection.terms.map(\.pattern), ["z*", "y*", "x*"])
    }

    func testGlobs() throws {
        XCTAssertEqual(try names("mysql-*"), ["mysql-a", "mysql-b"])
        XCTAssertEqual(try names("node?"), ["node1", "node2", "node3", "node4"])
        XCTAssertEqual(try names("node[13]*"), ["node1", "node3"])
        XCTAssertEqual(try names("node[!13]*"), ["node2", "node4"])
        XCTAssertEqual(try names("web[0-9]*"), ["web10"])
        XCTAssertEqual(try names("k8s*"), ["node1", "node2", "node3", "node4", "web10"], "globs match group names too")
    }

    func testRegex() throws {
        XCTAssertEqual(try names("~mysql-[ab]"), ["mysql-a", "mysql-b"])
        XCTAssertEqual(try names("~node[24]$"), ["node2", "node4"])
        XCTAssertEqual(try names("~(exp|web)"), ["exporter", "web10"])
        XCTAssertThrowsError(try names("~sql"), "a regex matches from the start of the name, as Ansible's re.match")
    }

    func testSubscripts() throws {
        XCTAssertEqual(try names("k8s_nodes[0]"), ["node1"])
        XCTAssertEqual(try names("k8s_nodes[-1]"), ["web10"])
        XCTAssertEqual(try names("k8s_nodes[1:2]"), ["node2", "node3"])
        XCTAssertEqual(try names("k8s_nodes[3:]"), ["node4", "web10"])
    }

    func testEmptyGroupIsNotAnError() throws {
        XCTAssertEqual(try names("empty"), [])
    }

    func testUnknownPatternIsAnError() {
        XCTAssertThrowsError(try names("dbx")) { error in
            XCTAssertEqual(error as? HostSelectionError, .unmatched(
                patterns: ["dbx"],
                knownGroups: ["all", "db", "empty", "k8s_nodes", "monitoring", "mysql", "staging", "ungrouped"]))
            XCTAssertTrue("\(error)".hasPrefix("--limit 'dbx' matches no host or group; groups in the inventory: all, db"))
        }
        XCTAssertThrowsError(try names("db,!mysqlx,&nodez*")) { error in
            XCTAssertTrue("\(error)".hasPrefix("--limit patterns 'nodez*', 'mysqlx' match no host or group"), "\(error)")
        }
        XCTAssertThrowsError(try names("~^zzz"))
        XCTAssertThrowsError(try names("k8s_nodes[9]"))
    }

    func testMalformedSelections() {
        XCTAssertThrowsError(try HostSelection(patterns: "")) { error in
            XCTAssertEqual(error as? HostSelectionError, .empty)
        }
        XCTAssertThrowsError(try HostSelection(patterns: " , ")) { error in
            XCTAssertEqual(error as? HostSelectionError, .empty)
        }
        XCTAssertThrowsError(try HostSelection(patterns: "db,!")) { error in
            XCTAssertEqual(error as? HostSelectionError, .missingPattern(selection: "db,!", operator: "!"))
        }
        XCTAssertThrowsError(try HostSelection(patterns: "~web[")) { error in
            guard case .invalidRegex(let pattern, _) = error as? HostSelectionError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(pattern, "~web[")
        }
    }

    func testSplittingKeepsBracketsAndIPv6() {
        XCTAssertEqual(HostSelection.split("web[0:2]:db"), ["web[0:2]", "db"])
        XCTAssertEqual(HostSelection.split("2001:db8::1"), ["2001:db8::1"])
        XCTAssertEqual(HostSelection.split("a,b:c"), ["a", "b:c"])
    }

    func testIPv6HostByName() throws {
        let inventory = try InventoryTestSupport.ini("2001:db8::1\n192.0.2.1\n")
        XCTAssertEqual(try inventory.select(HostSelection(patterns: "2001:db8::1")).map(\.name), ["2001:db8::1"])
        XCTAssertEqual(try inventory.select(HostSelection(patterns: "192.0.2.*")).map(\.name), ["192.0.2.1"])
    }
}
