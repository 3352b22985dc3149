import XCTest
@testable import PawsCore

final class InventoryShardTests: XCTestCase {
    private func hosts(_ names: [String]) -> [InventoryHost] {
        names.map { InventoryHost(name: $0, address: $0, location: SourceLocation(path: "i", line: 1)) }
    }

    func testShardsCoverEveryHostExactlyOnce() throws {
        let fleet = hosts((1...1000).map { "db\($0).example.com" })
        var seen: [String: Int] = [:]
        for index in 1...7 {
            for host in try InventoryShard(index: index, count: 7).select(fleet) { seen[host.name, default: 0] += 1 }
        }
        XCTAssertEqual(seen.count, 1000)
        XCTAssertTrue(seen.values.allSatisfy { $0 == 1 })
    }

    func testAddingHostsElsewhereKeepsAssignments() throws {
        let shard = try InventoryShard(parsing: "3/5")
        let before = shard.select(hosts((1...200).map { "web\($0)" })).map(\.name)
        let after = shard.select(hosts(["new-a", "new-b"] + (1...200).map { "web\($0)" } + ["new-c"])).map(\.name)
        XCTAssertEqual(after.filter { $0.hasPrefix("web") }, before)
    }

    func testMalformed() {
        XCTAssertThrowsError(try InventoryShard(parsing: "0/4"))
        XCTAssertThrowsError(try InventoryShard(parsing: "5/4"))
        XCTAssertThrowsError(try InventoryShard(parsing: "2-4")) { XCTAssertTrue("\($0)".contains("expected K/N")) }
    }
}
