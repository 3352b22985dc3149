import XCTest
@testable import PawsCore

/// Every malformed input names `file:line` (and the column for YAML) and what was expected.
final class InventoryErrorTests: XCTestCase {
    // MARK: - INI structure

    func testUnclosedSectionHeader() {
        InventoryTestSupport.assertError("host1\n[web\nweb1\n", startsWith: "inv.ini:2: section header '[web' has no closing ']'",
            contains: ["expected [group], [group:vars] or [group:children]"])
    }

    func testSectionHeaderWithSpace() {
        InventoryTestSupport.assertError("[my group]\n", startsWith: "inv.ini:1: invalid section header '[my group]'",
            contains: ["the group name contains a space"])
    }

    func testSectionHeaderWithEmptyName() {
        InventoryTestSupport.assertError("[:vars]\na=1\n", startsWith: "inv.ini:1: invalid section header '[:vars]'",
            contains: ["the group name is empty"])
    }

    func testTextAfterSectionHeader() {
        InventoryTestSupport.assertError("[web] extra\n", startsWith: "inv.ini:1: invalid section header '[web] extra'",
            contains: ["unexpected text after ']'"])
    }

    func testUnknownSectionType() {
        InventoryTestSupport.assertError("[web:hosts]\n", startsWith: "inv.ini:1: section '[web:hosts]' has unknown type 'hosts'",
            contains: ["expected ':vars' or ':children'"])
    }

    func testUndefinedChildGroup() {
        InventoryTestSupport.assertError("[db:children]\nmysql\n[web]\nw1\n",
            startsWith: "inv.ini:2: [db:children] names group 'mysql', which is never defined",
            contains: ["add a [mysql] section"])
    }

    func testVarsForUndefinedGroup() {
        InventoryTestSupport.assertError("[web]\nw1\n[wbe:vars]\nport=80\n",
            startsWith: "inv.ini:3: [wbe:vars] sets variables for group 'wbe', which is never defined")
    }

    func testChildLineWithTwoNames() {
        InventoryTestSupport.assertError("[a]\n[b]\n[p:children]\na b\n", startsWith: "inv.ini:4: invalid group name 'a b'",
            contains: ["one group name per line"])
    }

    func testChildNameWithColon() {
        InventoryTestSupport.assertError("[p:children]\na:b\n", startsWith: "inv.ini:2: invalid group name 'a:b'")
    }

    // MARK: - INI lines

    func testHostVariableWithoutEquals() {
        InventoryTestSupport.assertError("[web]\nweb1 ansible_user\n", startsWith: "inv.ini:2: expected key=value after the host name",
            contains: ["found 'ansible_user'"])
    }

    func testVarsLineWithoutEquals() {
        InventoryTestSupport.assertError("[web]\n[web:vars]\njust words\n", startsWith: "inv.ini:3: expected key=value in [web:vars]")
    }

    func testUnterminatedQuote() {
        InventoryTestSupport.assertError("web1 note=\"open\n", startsWith: "inv.ini:1: unterminated quote")
    }

    func testDanglingEscape() {
        InventoryTestSupport.assertError("web1 note=a\\\n", startsWith: "inv.ini:1: 'web1 note=a\\\\' ends with a lone '\\'")
    }

    func testDuplicatedKeyOnOneLine() {
        InventoryTestSupport.assertError("web1 a=1 a=2\n", startsWith: "inv.ini:1: duplicated key 'a' on one host line")
    }

    // MARK: - Hosts

    func testBadRange() {
        InventoryTestSupport.assertError("[db]\ndb[01:x]\n", startsWith: "inv.ini:2: invalid host range 'db[01:x]'",
            contains: ["must both be numbers or both be single letters"])
    }

    func testHostEndingInColon() {
        InventoryTestSupport.assertError("db1:\n", startsWith: "inv.ini:1: invalid host 'db1:'", contains: ["ends in ':'"])
    }

    func testHostWithTwoColons() {
        InventoryTestSupport.assertError("a:b:22\n", startsWith: "inv.ini:1: invalid host 'a:b:22'", contains: ["more than one ':'"])
    }

    func testNULInHostName() {
        InventoryTestSupport.assertError("we\0b1\n", startsWith: "inv.ini:1: invalid host 'we\\0b1': it contains a NUL character")
    }

    func testNewlineInYAMLHostName() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    \"web\\n1\":\n", path: "inv.yml",
            startsWith: "inv.yml:3:5: invalid host 'web\\n1': it contains a line break")
    }

    func testInvalidPortInHostPortForm() {
        InventoryTestSupport.assertError("db1:22x\n", startsWith: "inv.ini:1: host 'db1:22x' has port '22x'; expected a whole number from 1 to 65535 after ':'")
        InventoryTestSupport.assertError("db1:0\n", startsWith: "inv.ini:1: host 'db1:0' has port '0'")
        InventoryTestSupport.assertError("[2001:db8::1]:99999\n", startsWith: "inv.ini:1: host '[2001:db8::1]:99999' has port '99999'")
    }

    func testInvalidPortVariable() {
        InventoryTestSupport.assertError("[g]\nh ansible_port=70000\n", startsWith: "inv.ini:2: ansible_port '70000' is not a port")
        InventoryTestSupport.assertError("h ansible_ssh_port=ssh\n", startsWith: "inv.ini:1: ansible_ssh_port 'ssh' is not a port")
    }

    // MARK: - Variables

    func testInvalidNATSource() {
        InventoryTestSupport.assertError("mysql-b nat_clients=true nat_sources=10.244.0.0/16,10.0.0.0/33\n",
            startsWith: "inv.ini:1: nat_sources entry '10.0.0.0/33' is invalid",
            contains: ["prefix length after '/' must be a whole number from 0 to 32"])
        InventoryTestSupport.assertError("[g]\nh\n[g:vars]\nnat_sources=fd00::zz/8\n",
            startsWith: "inv.ini:4: nat_sources entry 'fd00::zz/8' is invalid")
    }

    func testInvalidBoolean() {
        InventoryTestSupport.assertError("h ansible_become=sometimes\n",
            startsWith: "inv.ini:1: ansible_become 'sometimes' is not a boolean")
        InventoryTestSupport.assertError("h nat_clients=maybe\n", startsWith: "inv.ini:1: nat_clients 'maybe' is not a boolean")
    }

    func testInvalidGroupPriority() {
        InventoryTestSupport.assertError("[g]\n[g:vars]\nansible_group_priority=high\n",
            startsWith: "inv.ini:3: ansible_group_priority 'high' is not a whole number")
    }

    func testLineBreakInUser() {
        // A Python string literal inside shell quotes is how a real newline gets into an INI value.
        InventoryTestSupport.assertError(
            "h ansible_user='\"a\\nb\"'\n",
            startsWith: "inv.ini:1: ansible_user 'a\\nb' is invalid: it contains a line break")
        InventoryTestSupport.assertError(
            "all:\n  hosts:\n    h:\n      ansible_become_user: \"root\\n\"\n", path: "inv.yml",
            startsWith: "inv.yml:4:7: ansible_become_user 'root\\n' is invalid: it contains a line break")
    }

    func testEmptyAddress() {
        InventoryTestSupport.assertError("h ansible_host=\n", startsWith: "inv.ini:1: ansible_host '' is invalid: it is empty")
    }

    func testConflictingAnsibleHost() {
        InventoryTestSupport.assertError("[web]\nh1 ansible_host=192.0.2.1\n[db]\nh1 ansible_host=192.0.2.2\n",
            startsWith: "inv.ini:4: host 'h1' sets ansible_host to '192.0.2.2', but inv.ini:2 already set it to '192.0.2.1'")
    }

    func testConflictingPortBetweenHostPortAndVariable() {
        InventoryTestSupport.assertError("h1:2222 ansible_port=2200\n",
            startsWith: "inv.ini:1: host 'h1' sets ansible_port to '2200', but inv.ini:1 already set it to '2222'")
    }

    func testConflictingGroupVariable() {
        InventoryTestSupport.assertError("[g]\n[g:vars]\nx=1\n[g:vars]\nx=2\n",
            startsWith: "inv.ini:5: group 'g' sets x to '2', but inv.ini:3 already set it to '1'")
    }

    func testConflictingAliasesOnOneLevel() {
        InventoryTestSupport.assertError("h ansible_host=192.0.2.1 ansible_ssh_host=192.0.2.9\n",
            startsWith: "inv.ini:1: host 'h' sets the same setting under different names with different values",
            contains: ["ansible_host='192.0.2.1', ansible_ssh_host='192.0.2.9'"])
    }

    // MARK: - YAML

    func testYAMLSyntaxError() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    web1: [unclosed\n", path: "inv.yml", startsWith: "inv.yml:4:1: YAML syntax error")
    }

    func testYAMLGroupIsAList() {
        InventoryTestSupport.assertError("all:\n  children:\n    web:\n      - web1\n      - web2\n", path: "inv.yml",
            startsWith: "inv.yml:4:7: group 'web' is a list; expected a mapping with 'hosts', 'children' and/or 'vars'")
    }

    func testYAMLHostsIsAList() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    - web1\n", path: "inv.yml",
            startsWith: "inv.yml:3:5: 'hosts' of group 'all' is a list; expected a mapping (write each name as 'name:'")
    }

    func testYAMLVarsIsAList() {
        InventoryTestSupport.assertError("all:\n  vars:\n    - a\n", path: "inv.yml", startsWith: "inv.yml:3:5: 'vars' of group 'all' is a list; expected a mapping")
    }

    func testYAMLHostVariablesAreAScalar() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    web1: 10.0.0.1\n", path: "inv.yml",
            startsWith: "inv.yml:3:11: the variables of host 'web1' is a single value ('10.0.0.1')",
            contains: ["expected a mapping of variable names to values"])
    }

    func testYAMLUnexpectedKeyInGroup() {
        InventoryTestSupport.assertError("all:\n  children:\n    web:\n      host:\n        web1:\n", path: "inv.yml",
            startsWith: "inv.yml:4:7: group 'web' has unexpected key 'host'",
            contains: ["expected only 'hosts', 'children' and 'vars'"])
    }

    func testYAMLTopLevelList() {
        InventoryTestSupport.assertError("- web1\n- web2\n", path: "inv.yml", startsWith: "inv.yml:1:1: the top level is a list",
            contains: ["expected a mapping of group names"])
    }

    func testYAMLDuplicatedKey() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    web1:\n      ansible_port: 22\n      ansible_port: 2222\n", path: "inv.yml",
            startsWith: "inv.yml:5:7: duplicated key 'ansible_port' in one YAML mapping (first at line 4)")
    }

    func testYAMLInvalidNATSourceNamesTheVariableLine() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    mysql-b:\n      nat_sources: [10.0.0.0/8, 300.1.1.1/8]\n", path: "inv.yml",
            startsWith: "inv.yml:4:7: nat_sources entry '300.1.1.1/8' is invalid")
    }

    func testYAMLConflictingAnsibleHost() {
        InventoryTestSupport.assertError("""
            all:
              children:
                a:
                  hosts:
                    h: {ansible_host: 192.0.2.1}
                b:
                  hosts:
                    h: {ansible_host: 192.0.2.2}
            """, path: "inv.yml",
            startsWith: "inv.yml:8:13: host 'h' sets ansible_host to '192.0.2.2', but inv.yml:5:13 already set it to '192.0.2.1'")
    }

    func testYAMLBadRange() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    db[01:x]:\n", path: "inv.yml", startsWith: "inv.yml:3:5: invalid host range 'db[01:x]'")
    }

    func testYAMLInvalidPort() {
        InventoryTestSupport.assertError("all:\n  hosts:\n    db:\n      ansible_port: twenty\n", path: "inv.yml",
            startsWith: "inv.yml:4:7: ansible_port 'twenty' is not a port")
    }
}
