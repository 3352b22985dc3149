import XCTest
@testable import PawsSSH

final class LibraryVersionTests: XCTestCase {
    func testLinksLibssh() {
        XCTAssertTrue(SSHLibrary.version.hasPrefix("0."), SSHLibrary.version)
    }
}
