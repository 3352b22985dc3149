import XCTest
@testable import PawsCore

final class OSReleaseTextTests: XCTestCase {
    func testFieldsAreUnquotedAndLinesWithoutValueSkipped() {
        let text = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID='12'\nEMPTY=\n=orphan\n# comment\nA==b\n"
        let fields = OSReleaseText.fields(text)
        XCTAssertEqual(fields["PRETTY_NAME"], "Debian GNU/Linux 12 (bookworm)")
        XCTAssertEqual(fields["ID"], "debian")
        XCTAssertEqual(fields["VERSION_ID"], "12")
        XCTAssertNil(fields["EMPTY"])
        XCTAssertEqual(fields["A"], "=b")
        XCTAssertEqual(fields.count, 4)
    }

    func testCRLFLinesAreSeparateFields() {
        let fields = OSReleaseText.fields("ID=ubuntu\r\nVERSION_ID=\"20.04\"\r\n")
        XCTAssertEqual(fields["ID"], "ubuntu")
        XCTAssertEqual(fields["VERSION_ID"], "20.04")
        XCTAssertTrue(ProcpsFlavor.isLegacy(osRelease: "ID=ubuntu\r\nVERSION_ID=\"20.04\"\r\n"))
    }

    func testRememberedFieldsBelongToTheirOwnText() {
        let debian = "ID=debian\nVERSION_ID=\"12\"\n"
        let ubuntu = "ID=ubuntu\nVERSION_ID=\"18.04\"\n"
        XCTAssertEqual(OSReleaseText.fields(debian)["ID"], "debian")
        XCTAssertEqual(OSReleaseText.fields(debian)["ID"], "debian")
        XCTAssertEqual(OSReleaseText.fields(ubuntu)["ID"], "ubuntu")
        XCTAssertFalse(ProcpsFlavor.isLegacy(osRelease: debian))
        XCTAssertTrue(ProcpsFlavor.isLegacy(osRelease: ubuntu))
    }

    func testPrettyNameFallsBackToNameAndVersion() {
        XCTAssertEqual(OSReleaseText.prettyName("NAME=Alpine\nVERSION_ID=3.20.1\n"), "Alpine 3.20.1")
        XCTAssertNil(OSReleaseText.prettyName(""))
    }
}
