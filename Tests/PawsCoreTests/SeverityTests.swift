import XCTest
@testable import PawsCore

final class SeverityTests: XCTestCase {
    func testOrdering() {
        XCTAssertLessThan(Severity.high, Severity.critical)
        XCTAssertEqual(Severity.allCases.max(), .critical)
    }
}
