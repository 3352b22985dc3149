import XCTest
@testable import PawsCore

final class InventoryINIParserTests: XCTestCase {
    func testGroupsHostsAndUngrouped() throws {
        let inventory = try InventoryTestSupport.ini("""
            loose.example.com
            [web]
            web1
            web2
            [db]
            db1
            [empty]
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), ["loose.example.com", "web1", "web2", "db1"])
        XCTAssertEqual(inventory.groups["ungrouped"]?.hosts, ["loose.example.com"])
        XCTAssertEqual(inventory.groups["web"]?.hosts, ["web1", "web2"])
        XCTAssertEqual(inventory.groups["empty"]?.hosts, [])
        XCTAssertEqual(inventory.groups["all"]?.children, ["db", "empty", "ungrouped", "web"])
        XCTAssertEqual(try InventoryTestSupport.host("loose.example.com", in: inventory).groups, ["ungrouped"])
        XCTAssertEqual(try InventoryTestSupport.host("web1", in: inventory).address, "web1")
        XCTAssertEqual(try InventoryTestSupport.host("db1", in: inventory).location.description, "inv.ini:6")
    }

    func testHostInAllSectionAndElsewhereIsNotUngrouped() throws {
        let inventory = try InventoryTestSupport.ini("""
            [all]
            a
            b
            [web]
            b
            """)
        XCTAssertEqual(inventory.groups["ungrouped"]?.hosts, ["a"])
        XCTAssertEqual(try InventoryTestSupport.host("b", in: inventory).groups, ["web"])
        XCTAssertEqual(inventory.hosts.count, 2)
    }

    func testHostListedInTwoGroupsAppearsOnce() throws {
        let inventory = try InventoryTestSupport.ini("[a]\nh1\n[b]\nh1 x=1\n")
        XCTAssertEqual(inventory.hosts.map(\.name), ["h1"])
        let host = try InventoryTestSupport.host("h1", in: inventory)
        XCTAssertEqual(host.groups, ["a", "b"])
        XCTAssertEqual(host.vars["x"], "1")
        XCTAssertEqual(host.location.line, 2)
    }

    func testConnectionVariables() throws {
        let inventory = try InventoryTestSupport.ini("""
            [db]
            db1 ansible_host=192.0.2.10 ansible_port=2222 ansible_user=admin ansible_ssh_private_key_file=/keys/db ansible_become=True ansible_become_user=mysql
            db2 ansible_ssh_host=192.0.2.11 ansible_ssh_port=22 ansible_ssh_user=legacy ansible_private_key_file=/keys/new
            db3
            """)
        let db1 = try InventoryTestSupport.host("db1", in: inventory)
        XCTAssertEqual(db1.address, "192.0.2.10")
        XCTAssertEqual(db1.port, 2222)
        XCTAssertEqual(db1.user, "admin")
        XCTAssertEqual(db1.identityFile, "/keys/db")
        XCTAssertTrue(db1.become)
        XCTAssertEqual(db1.becomeUser, "mysql")

        let db2 = try InventoryTestSupport.host("db2", in: inventory)
        XCTAssertEqual(db2.address, "192.0.2.11")
        XCTAssertEqual(db2.port, 22)
        XCTAssertEqual(db2.user, "legacy")
        XCTAssertEqual(db2.identityFile, "/keys/new")
        XCTAssertFalse(db2.become)

        let db3 = try InventoryTestSupport.host("db3", in: inventory)
        XCTAssertEqual(db3.address, "db3")
        XCTAssertNil(db3.port)
        XCTAssertNil(db3.user)
        XCTAssertNil(db3.natClients)
        XCTAssertEqual(db3.natSources, [])
    }

    func testBooleanSpellings() throws {
        let spellings = ["true": true, "yes": true, "1": true, "True": true, "YES": true, "on": true, "y": true,
                         "false": false, "no": false, "0": false, "False": false, "off": false, "n": false]
        for (text, expected) in spellings {
            let inventory = try InventoryTestSupport.ini("h ansible_become=\(text) nat_clients=\(text)\n")
            let host = try InventoryTestSupport.host("h", in: inventory)
            XCTAssertEqual(host.become, expected, text)
            XCTAssertEqual(host.natClients, expected, text)
        }
    }

    func testHostPortForms() throws {
        let inventory = try InventoryTestSupport.ini("""
            db1.example.com:2222
            192.0.2.7:2200
            [2001:db8::7]:2022
            2001:db8::8
            [2001:db8::9]
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), [
            "db1.example.com", "192.0.2.7", "2001:db8::7", "2001:db8::8", "2001:db8::9",
        ])
        XCTAssertEqual(inventory.hosts.map(\.port), [2222, 2200, 2022, nil, nil])
        XCTAssertEqual(inventory.hosts[0].vars["ansible_port"], "2222")
    }

    func testQuotingInHostVariables() throws {
        let inventory = try InventoryTestSupport.ini(#"""
            h1 note="quoted value" other='single quoted' mixed=a"b c"d escaped=a\ b inner="say \"hi\"" empty=""
            h2 eq=a=b lit='"x"' backslash="a\z"
            """#)
        let h1 = try InventoryTestSupport.host("h1", in: inventory)
        XCTAssertEqual(h1.vars["note"], "quoted value")
        XCTAssertEqual(h1.vars["other"], "single quoted")
        XCTAssertEqual(h1.vars["mixed"], "ab cd")
        XCTAssertEqual(h1.vars["escaped"], "a b")
        XCTAssertEqual(h1.vars["inner"], #"say "hi""#)
        XCTAssertEqual(h1.vars["empty"], "")
        let h2 = try InventoryTestSupport.host("h2", in: inventory)
        XCTAssertEqual(h2.vars["eq"], "a=b")
        XCTAssertEqual(h2.vars["lit"], "x", "a Python string literal inside the shell quoting is unquoted too")
        XCTAssertEqual(h2.vars["backslash"], #"a\z"#)
    }

    func testQuotingInVarsSections() throws {
        let inventory = try InventoryTestSupport.ini(#"""
            [g]
            h
            [g:vars]
            plain = some value with spaces
            double="quoted value"
            single = 'it''s'
            escaped = "tab\there"
            trailing = value # not a comment here, as in Ansible
            """#)
        let vars = try InventoryTestSupport.host("h", in: inventory).vars
        XCTAssertEqual(vars["plain"], "some value with spaces")
        XCTAssertEqual(vars["double"], "quoted value")
        XCTAssertEqual(vars["single"], "'it''s'")
        XCTAssertEqual(vars["escaped"], "tab\there")
        XCTAssertEqual(vars["trailing"], "value # not a comment here, as in Ansible")
    }

    func testCommentsAndBlankLines() throws {
        let inventory = try InventoryTestSupport.ini("""
            # a comment
            ; another comment
               # indented comment

            [web]   # trailing comment after a header
            web1 # comment after a host
            web2 x=1#comment glued to a value
            [web:children]
            api # comment after a child
            [api]
            api1
            """)
        XCTAssertEqual(inventory.hosts.map(\.name), ["web1", "web2", "api1"])
        XCTAssertEqual(try InventoryTestSupport.host("web2", in: inventory).vars["x"], "1")
        XCTAssertEqual(inventory.groups["web"]?.children, ["api"])
    }

    func testCRLFLineEndings() throws {
        let inventory = try InventoryTestSupport.ini("[web]\r\nweb1 a=1\r\nweb2\r\n[web:vars]\r\nb=2\r\n")
        XCTAssertEqual(inventory.hosts.map(\.name), ["web1", "web2"])
        XCTAssertEqual(try InventoryTestSupport.host("web2", in: inventory).vars["b"], "2")
        XCTAssertEqual(try InventoryTestSupport.host("web2", in: inventory).location.line, 3)
    }

    func testBackslashNInShellQuotesStaysTwoCharacters() throws {
        // Inside double quotes the shell rule keeps `\\n` as two characters; only a Python literal unescapes it.
        let inventory = try InventoryTestSupport.ini("h ansible_user=\"a\\nb\"\n")
        XCTAssertEqual(inventory.hosts.first?.user, "a\\nb")
    }

    func testOddCharactersAreKeptAsData() throws {
        let inventory = try InventoryTestSupport.ini(#"""
            "odd host;$(reboot)" ansible_user="a b'c" ansible_ssh_private_key_file="/keys/my key;rm -rf"
            """#)
        let host = try InventoryTestSupport.host("odd host;$(reboot)", in: inventory)
        XCTAssertEqual(host.user, "a b'c")
        XCTAssertEqual(host.identityFile, "/keys/my key;rm -rf")
        XCTAssertEqual(host.address, "odd host;$(reboot)")
    }

    func testUnknownVariablesAreKeptAsStrings() throws {
        let inventory = try InventoryTestSupport.ini("h custom=42 list=[1,2] flag=True\n")
        let vars = try InventoryTestSupport.host("h", in: inventory).vars
        XCTAssertEqual(vars["custom"], "42")
        XCTAssertEqual(vars["list"], "[1,2]")
        XCTAssertEqual(vars["flag"], "True")
    }

    func testNATSources() throws {
        let inventory = try InventoryTestSupport.ini("""
            a nat_clients=true nat_sources=10.244.0.0/16,fd00::/8
            b nat_sources="10.0.0.0/8, 192.0.2.0/24"
            c nat_sources="['10.1.0.0/16', '10.2.0.0/16']"
            """)
        XCTAssertEqual(try InventoryTestSupport.host("a", in: inventory).natSources.map(\.description), ["10.244.0.0/16", "fd00::/8"])
        XCTAssertEqual(try InventoryTestSupport.host("b", in: inventory).natSources.map(\.description), ["10.0.0.0/8", "192.0.2.0/24"])
        XCTAssertEqual(try InventoryTestSupport.host("c", in: inventory).natSources.map(\.description), ["10.1.0.0/16", "10.2.0.0/16"])
    }

    func testEmptyFile() throws {
        let inventory = try InventoryTestSupport.ini("")
        XCTAssertEqual(inventory.hosts, [])
        XCTAssertEqual(Set(inventory.groups.keys), ["all", "ungrouped"])
    }

    func testForwardReferenceToChildGroup() throws {
        let inventory = try InventoryTestSupport.ini("""
            [prod:children]
            web
            [web]
            w1
            [prod:vars]
            env=prod
            """)
        let host = try InventoryTestSupport.host("w1", in: inventory)
        XCTAssertEqual(host.groups, ["prod", "web"])
        XCTAssertEqual(host.vars["env"], "prod")
    }
}
