import XCTest
@testable import PawsCore

final class HostStandingTests: XCTestCase {
    func testUrgencyOrder() {
        let order: [HostStanding] = [.finding(.critical), .finding(.high), .failed, .finding(.medium), .finding(.low), .finding(.info), .clean]
        XCTAssertEqual(order.sorted(by: >), order)
    }

    func testSortingIsStableByName() {
        let sorted = HostStanding.sortedMostUrgentFirst(SampleAuditReport.make().hosts).map(\.host)
        XCTAssertEqual(sorted, ["db-incident-01", SampleAuditReport.hostileName, "bastion-02", "batch-07", "web-412", "cache-01"])
    }
}
