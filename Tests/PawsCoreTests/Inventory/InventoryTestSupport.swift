import Foundation
import XCTest
@testable import PawsCore

/// Helpers shared by the inventory tests.
enum InventoryTestSupport {
    static func fixtureText(_ name: String) throws -> String {
        let url = try fixtureURL(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func fixtureURL(_ name: String) throws -> URL {
        let base = try XCTUnwrap(Bundle.module.resourceURL, "test bundle has no resources")
        return base.appendingPathComponent("Fixtures/Inventory").appendingPathComponent(name)
    }

    /// The repository root, found from this file's path (Tests/PawsCoreTests/Inventory/...).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func ini(_ text: String, path: String = "inv.ini") throws -> Inventory {
        try InventoryParser.parse(text: text, path: path, format: .ini)
    }

    static func yaml(_ text: String, path: String = "inv.yml") throws -> Inventory {
        try InventoryParser.parse(text: text, path: path, format: .yaml)
    }

    /// The error parsing `text` throws; fails the test if parsing succeeds.
    static func error(
        parsing text: String, path: String = "inv.ini", file: StaticString = #filePath, line: UInt = #line
    ) -> InventoryError? {
        do {
            let inventory = try InventoryParser.parse(text: text, path: path)
            XCTFail("expected an error, parsed \(inventory.hosts.map(\.name))", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// Asserts that parsing fails with a message starting with `prefix` (the `file:line[:column]`)
    /// and containing every fragment.
    static func assertError(
        _ text: String, path: String = "inv.ini", startsWith prefix: String, contains fragments: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let error = error(parsing: text, path: path, file: file, line: line) else { return }
        let message = error.description
        XCTAssertTrue(message.hasPrefix(prefix), "\(message) does not start with \(prefix)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(message.contains(fragment), "\(message) lacks \(fragment)", file: file, line: line)
        }
    }

    /// The inventory without source locations, so the INI and YAML spellings can be compared.
    static func withoutLocations(_ inventory: Inventory) -> Inventory {
        var copy = inventory
        copy.path = ""
        let nowhere = SourceLocation(path: "", line: 0)
        copy.hosts = inventory.hosts.map { host in
            var host = host
            host.location = nowhere
            return host
        }
        copy.groups = inventory.groups.mapValues { group in
            var group = group
            group.location = nil
            return group
        }
        return copy
    }

    static func host(_ name: String, in inventory: Inventory, file: StaticString = #filePath, line: UInt = #line) throws -> InventoryHost {
        try XCTUnwrap(inventory.host(named: name), "no host \(name)", file: file, line: line)
    }
}
