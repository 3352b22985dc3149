import XCTest
@testable import PawsCore

final class InventoryPrecedenceTests: XCTestCase {
    func testAllThenParentThenChildThenHost() throws {
        let inventory = try InventoryTestSupport.ini("""
            [child]
            h1
            h2 level=host
            [parent:children]
            child
            [all:vars]
            level=all
            only_all=yes
            [parent:vars]
            level=parent
            only_parent=yes
            [child:vars]
            level=child
            """)
        let h1 = try InventoryTestSupport.host("h1", in: inventory)
        XCTAssertEqual(h1.vars["level"], "child")
        XCTAssertEqual(h1.vars["only_all"], "yes")
        XCTAssertEqual(h1.vars["only_parent"], "yes")
        XCTAssertEqual(try InventoryTestSupport.host("h2", in: inventory).vars["level"], "host")
    }

    func testSameDepthLaterNameWins() throws {
        let inventory = try InventoryTestSupport.ini("""
            [zeta]
            h
            [alpha]
            h
            [zeta:vars]
            who=zeta
            [alpha:vars]
            who=alpha
            """)
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).vars["who"], "zeta")
    }

    func testDeeperGroupBeatsAlphabeticallyLaterShallowGroup() throws {
        let inventory = try InventoryTestSupport.ini("""
            [zz_top]
            h
            [aa_child]
            h
            [mid:children]
            aa_child
            [zz_top:vars]
            who=zz_top
            [aa_child:vars]
            who=aa_child
            """)
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).vars["who"], "aa_child")
    }

    func testGroupPriorityOrdersGroupsOfEqualDepth() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              children:
                alpha:
                  hosts: {h: }
                  vars: {who: alpha, ansible_group_priority: 10}
                zeta:
                  hosts: {h: }
                  vars: {who: zeta}
            """)
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).vars["who"], "alpha")
    }

    func testLegacyAliasFromMoreSpecificLevelWins() throws {
        let inventory = try InventoryTestSupport.ini("""
            [g]
            modern_on_host ansible_user=hostuser
            legacy_on_host ansible_ssh_user=hostuser
            [g:vars]
            ansible_ssh_user=groupuser
            """)
        XCTAssertEqual(try InventoryTestSupport.host("modern_on_host", in: inventory).user, "hostuser")
        XCTAssertEqual(try InventoryTestSupport.host("legacy_on_host", in: inventory).user, "hostuser")
    }

    func testAliasesAgreeingOnOneLevelAreAccepted() throws {
        let inventory = try InventoryTestSupport.ini("h ansible_host=192.0.2.1 ansible_ssh_host=192.0.2.1\n")
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).address, "192.0.2.1")
    }

    func testHostPortFormIsAHostVariableAboveGroupVars() throws {
        let inventory = try InventoryTestSupport.ini("""
            [g]
            h:2222
            [g:vars]
            ansible_port=22
            """)
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).port, 2222)
    }

    func testHostRepeatedWithSameValueIsAccepted() throws {
        let inventory = try InventoryTestSupport.ini("[a]\nh ansible_host=192.0.2.1\n[b]\nh ansible_host=192.0.2.1\n")
        XCTAssertEqual(try InventoryTestSupport.host("h", in: inventory).address, "192.0.2.1")
    }

    func testGroupVariablesAreValidatedEvenWithoutHosts() {
        InventoryTestSupport.assertError(
            "[g]\n[g:vars]\nansible_port=abc\n", startsWith: "inv.ini:3: ansible_port 'abc' is not a port")
    }
}
