import XCTest
@testable import PawsCore

/// `inventory.example` at the repository root is documentation users copy; it must stay valid.
final class InventoryExampleTests: XCTestCase {
    private func loadExample() throws -> Inventory {
        try InventoryLoader.load(path: InventoryTestSupport.repositoryRoot.appendingPathComponent("inventory.example").path)
    }

    func testExampleParsesAsINI() throws {
        let path = InventoryTestSupport.repositoryRoot.appendingPathComponent("inventory.example").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(InventoryFormat.detect(text: text, path: path), .ini)
        XCTAssertNoThrow(try loadExample())
    }

    func testExampleModelsTheIncident() throws {
        let inventory = try loadExample()
        let server = try InventoryTestSupport.host("mysql-b", in: inventory)
        XCTAssertEqual(server.natClients, true)
        XCTAssertFalse(server.natSources.isEmpty)
        XCTAssertTrue(server.become)
        XCTAssertTrue(server.groups.contains("mysql"))
        XCTAssertTrue(server.groups.contains("db"))

        let nodes = inventory.hosts(inGroup: "k8s_nodes")
        XCTAssertGreaterThan(nodes.count, 1, "the example uses a host range for the nodes")
        for node in nodes {
            XCTAssertTrue(
                server.natSources.contains { $0.contains(address: node.address) },
                "\(node.name) (\(node.address)) should be inside mysql-b's nat_sources")
        }
        XCTAssertFalse(inventory.hosts(inGroup: "monitoring").isEmpty)
        XCTAssertEqual(try inventory.select(HostSelection(patterns: "db")).map(\.name), ["mysql-b"])
    }

    func testLimitPatternsQuotedInTheHeaderWork() throws {
        let inventory = try loadExample()
        let exporter = "mysql-exporter.example.com"
        let select = { (patterns: String) in try inventory.select(HostSelection(patterns: patterns)).map(\.name) }
        XCTAssertEqual(try select("mysql,monitoring"), ["mysql-b", exporter])
        XCTAssertEqual(try select("all:!k8s_nodes"), ["mysql-b", exporter])
        XCTAssertEqual(try select("db:&mysql"), ["mysql-b"])
        XCTAssertEqual(try select("~mysql-.*"), ["mysql-b", exporter])
    }
}
