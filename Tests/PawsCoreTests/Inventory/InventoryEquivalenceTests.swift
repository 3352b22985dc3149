import XCTest
@testable import PawsCore

/// The INI and YAML spellings of one inventory must give the same model.
final class InventoryEquivalenceTests: XCTestCase {
    func testFixturesGiveTheSameModel() throws {
        let ini = try InventoryParser.parse(text: try InventoryTestSupport.fixtureText("fleet.ini"), path: "fleet.ini")
        let yaml = try InventoryParser.parse(text: try InventoryTestSupport.fixtureText("fleet.yml"), path: "fleet.yml")

        // The YAML file writes nat_sources as a list, the INI file as a comma-separated string: the
        // parsed networks must agree, the raw text may not.
        XCTAssertEqual(ini.host(named: "mysql-b")?.natSources, yaml.host(named: "mysql-b")?.natSources)
        var comparableINI = InventoryTestSupport.withoutLocations(ini)
        var comparableYAML = InventoryTestSupport.withoutLocations(yaml)
        for index in comparableINI.hosts.indices { comparableINI.hosts[index].vars["nat_sources"] = nil }
        for index in comparableYAML.hosts.indices { comparableYAML.hosts[index].vars["nat_sources"] = nil }
        XCTAssertEqual(comparableINI.hosts, comparableYAML.hosts)
        XCTAssertEqual(comparableINI.groups, comparableYAML.groups.mapValues { group in
            var group = group
            group.vars["nat_sources"] = nil
            return group
        })
    }

    func testFixtureModel() throws {
        let inventory = try InventoryParser.parse(text: try InventoryTestSupport.fixtureText("fleet.ini"), path: "fleet.ini")
        XCTAssertEqual(inventory.hosts.map(\.name), [
            "ungrouped-box", "mysql-b", "mysql-c.example.com", "exporter",
            "node01.example.com", "node02.example.com", "node03.example.com",
        ])

        let mysqlB = try InventoryTestSupport.host("mysql-b", in: inventory)
        XCTAssertEqual(mysqlB, InventoryHost(
            name: "mysql-b", address: "192.0.2.250", port: nil, user: "ops", identityFile: "~/.ssh/id_ed25519",
            become: true, becomeUser: "root", groups: ["db", "mysql"], natClients: true,
            natSources: [try IPNetwork(parsing: "198.51.100.0/24"), try IPNetwork(parsing: "2001:db8:100::/56")],
            vars: [
                "ansible_host": "192.0.2.250", "nat_clients": "true",
                "nat_sources": "198.51.100.0/24,2001:db8:100::/56", "ansible_user": "ops",
                "ansible_ssh_private_key_file": "~/.ssh/id_ed25519", "ansible_become": "yes",
                "ansible_become_user": "root", "tier": "mysql",
            ],
            location: SourceLocation(path: "fleet.ini", line: 5)))

        let mysqlC = try InventoryTestSupport.host("mysql-c.example.com", in: inventory)
        XCTAssertEqual(mysqlC.port, 2222)
        XCTAssertEqual(mysqlC.user, "db admin")

        let exporter = try InventoryTestSupport.host("exporter", in: inventory)
        XCTAssertFalse(exporter.become)
        XCTAssertEqual(exporter.groups, ["monitoring"])

        XCTAssertEqual(try InventoryTestSupport.host("ungrouped-box", in: inventory).groups, ["ungrouped"])
        XCTAssertEqual(inventory.groups["all"]?.children, ["db", "k8s_nodes", "monitoring", "ungrouped"])
        XCTAssertEqual(inventory.hosts(inGroup: "db").map(\.name), ["mysql-b", "mysql-c.example.com"])
    }

    func testFormatDetection() throws {
        XCTAssertEqual(InventoryFormat.detect(text: "[web]\nweb1\n", path: "hosts"), .ini)
        XCTAssertEqual(InventoryFormat.detect(text: "web1\nweb2\n", path: "hosts"), .ini)
        XCTAssertEqual(InventoryFormat.detect(text: "", path: "hosts"), .ini)
        XCTAssertEqual(InventoryFormat.detect(text: "all:\n  hosts:\n    a:\n", path: "hosts"), .yaml)
        XCTAssertEqual(InventoryFormat.detect(text: "web:\n  hosts:\n    a:\n", path: "inventory"), .yaml)
        XCTAssertEqual(InventoryFormat.detect(text: "web1:2222\n", path: "hosts"), .ini)
        XCTAssertEqual(InventoryFormat.detect(text: "web1\n", path: "hosts.yml"), .yaml)
        XCTAssertEqual(InventoryFormat.detect(text: "all:\n", path: "hosts.YAML"), .yaml)
        XCTAssertEqual(InventoryFormat.detect(text: "all:\n  hosts: {a: }\n", path: "hosts.ini"), .ini)
    }

    func testLoaderReadsFilesAndReportsUnreadableOnes() throws {
        let inventory = try InventoryLoader.load(path: try InventoryTestSupport.fixtureURL("fleet.yml").path)
        XCTAssertEqual(inventory.hosts.count, 7)

        XCTAssertThrowsError(try InventoryLoader.load(path: "/nonexistent/inventory")) { error in
            XCTAssertEqual(
                (error as? InventoryError)?.description,
                "cannot read inventory '/nonexistent/inventory': no such file; "
                    + "pass an Ansible inventory file (INI or YAML) with -i")
        }
        let directory = NSTemporaryDirectory()
        XCTAssertThrowsError(try InventoryLoader.load(path: directory)) { error in
            XCTAssertTrue((error as? InventoryError)?.description.contains("it is a directory") == true)
        }

        let binary = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("pawsguard-inventory-\(UUID().uuidString)")
        try Data([0xff, 0xfe, 0x00, 0x80]).write(to: binary)
        defer { try? FileManager.default.removeItem(at: binary) }
        XCTAssertThrowsError(try InventoryLoader.load(path: binary.path)) { error in
            XCTAssertEqual(error as? InventoryError, .notUTF8(path: binary.path))
        }
    }
}
