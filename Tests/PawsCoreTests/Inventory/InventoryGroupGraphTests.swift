import XCTest
@testable import PawsCore

final class InventoryGroupGraphTests: XCTestCase {
    func testNestedChildrenGiveAncestors() throws {
        let inventory = try InventoryTestSupport.ini("""
            [leaf]
            h
            [mid:children]
            leaf
            [top:children]
            mid
            """)
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).groups, ["leaf", "mid", "top"])
        XCTAssertEqual(inventory.groups["all"]?.children, ["top", "ungrouped"])
        XCTAssertEqual(inventory.groups["top"]?.children, ["mid"])
        XCTAssertEqual(inventory.hosts(inGroup: "top").map(\.name), ["h"])
    }

    func testDiamondIsNotACycle() throws {
        let inventory = try InventoryTestSupport.ini("""
            [base]
            h
            [left:children]
            base
            [right:children]
            base
            [top:children]
            left
            right
            """)
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).groups, ["base", "left", "right", "top"])
    }

    func testCycleIsAnError() {
        InventoryTestSupport.assertError("""
            [a:children]
            b
            [b:children]
            c
            [c:children]
            a
            """, startsWith: "inv.ini:6: groups form a cycle (a -> b -> c -> a)")
    }

    func testSelfChildIsACycle() {
        InventoryTestSupport.assertError("[a:children]\na\n", startsWith: "inv.ini:2: groups form a cycle (a -> a)")
    }

    func testAllAsChildIsACycle() {
        InventoryTestSupport.assertError("[a:children]\nall\n", startsWith: "inv.ini:2: groups form a cycle (a -> all)")
    }

    func testYAMLCycle() {
        InventoryTestSupport.assertError("""
            all:
              children:
                a:
                  children:
                    b:
                      children:
                        a:
            """, path: "inv.yml", startsWith: "inv.yml:7:13: groups form a cycle (a -> b -> a)")
    }
}
