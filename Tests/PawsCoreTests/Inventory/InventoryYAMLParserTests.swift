import XCTest
@testable import PawsCore

final class InventoryYAMLParserTests: XCTestCase {
    func testGroupsChildrenAndVars() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              hosts:
                loose:
              children:
                web:
                  hosts:
                    web1:
                      http_port: 8080
                    web2:
                  vars:
                    role: frontend
                prod:
                  children:
                    web:
                  vars:
                    env: prod
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), ["loose", "web1", "web2"])
        XCTAssertEqual(inventory.groups["ungrouped"]?.hosts, ["loose"])
        let web1 = try InventoryTestSupport.host("web1", in: inventory)
        XCTAssertEqual(web1.groups, ["prod", "web"])
        XCTAssertEqual(web1.vars, ["http_port": "8080", "role": "frontend", "env": "prod"])
        XCTAssertEqual(web1.location.description, "inv.yml:7:9")
        XCTAssertEqual(inventory.groups["web"]?.location?.description, "inv.yml:5:5")
    }

    func testTopLevelGroupsWithoutAll() throws {
        let inventory = try InventoryTestSupport.yaml("""
            web:
              hosts:
                web1:
            db:
              hosts:
                db1:
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), ["web1", "db1"])
        XCTAssertEqual(inventory.groups["all"]?.children, ["db", "ungrouped", "web"])
    }

    func testStringSectionsAndEmptyGroups() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              children:
                single:
                  hosts: lonely.example.com
                nothing:
                parent:
                  children: single
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), ["lonely.example.com"])
        XCTAssertEqual(try InventoryTestSupport.host("lonely.example.com", in: inventory).groups, ["parent", "single"])
        XCTAssertEqual(inventory.groups["nothing"]?.hosts, [])
    }

    func testScalarsKeepTheirWrittenFormAndListsBecomeFlowText() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              hosts:
                h:
                  ansible_become: yes
                  ansible_port: 2222
                  ratio: 1.50
                  nothing: ~
                  quoted: "a: b"
                  list: [1, two]
                  map: {k: v}
                  nat_clients: True
                  nat_sources:
                    - 10.244.0.0/16
                    - fd00::/8
            """)
        let host = try InventoryTestSupport.host("h", in: inventory)
        XCTAssertTrue(host.become)
        XCTAssertEqual(host.port, 2222)
        XCTAssertEqual(host.natClients, true)
        XCTAssertEqual(host.natSources.map(\.description), ["10.244.0.0/16", "fd00::/8"])
        XCTAssertEqual(host.vars["ratio"], "1.50")
        XCTAssertEqual(host.vars["nothing"], "")
        XCTAssertEqual(host.vars["quoted"], "a: b")
        XCTAssertEqual(host.vars["list"], "[1, two]")
        XCTAssertEqual(host.vars["map"], "{k: v}")
    }

    func testHostPatternsWithRangesAndPorts() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              hosts:
                db[1:2].example.com:2222:
                "[2001:db8::7]:2022":
                web[a:b]:
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), ["db1.example.com", "db2.example.com", "2001:db8::7", "weba", "webb"])
        XCTAssertEqual(inventory.hosts.map(\.port), [2222, 2222, 2022, nil, nil])
    }

    func testMergeKeysAndAnchors() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              hosts:
                a: &common
                  ansible_user: ops
                  ansible_port: 22
                b:
                  <<: *common
                  ansible_port: 2222
            """)
        let b = try InventoryTestSupport.host("b", in: inventory)
        XCTAssertEqual(b.user, "ops")
        XCTAssertEqual(b.port, 2222)
    }

    func testEmptyDocument() throws {
        let inventory = try InventoryTestSupport.yaml("# nothing here\n")
        XCTAssertEqual(inventory.hosts, [])
    }

    func testOddCharactersAreKeptAsData() throws {
        let inventory = try InventoryTestSupport.yaml("""
            all:
              hosts:
                "host with spaces; $(id)":
                  ansible_user: "o'brien"
            """)
        XCTAssertEqual(try InventoryTestSupport.host("host with spaces; $(id)", in: inventory).user, "o'brien")
    }
}
