import XCTest
@testable import PawsCore

final class PacketAddressTests: XCTestCase {
    func testParsesAndPrintsAddresses() throws {
        XCTAssertEqual(PacketAddress("192.168.11.250")?.description, "192.168.11.250")
        XCTAssertEqual(PacketAddress("192.168.11.250")?.ipv4Value, 0xC0A8_0BFA)
        XCTAssertEqual(PacketAddress("2001:DB8:0:0:0:0:0:1")?.description, "2001:db8::1")
        XCTAssertEqual(PacketAddress("::1")?.description, "::1")
        XCTAssertEqual(PacketAddress("::ffff:10.0.0.1")?.description, "10.0.0.1", "IPv4-mapped is IPv4")
        XCTAssertNil(PacketAddress("300.1.1.1"))
        XCTAssertNil(PacketAddress("example.com"))
        XCTAssertNil(PacketAddress(""))
        XCTAssertTrue(try XCTUnwrap(PacketAddress("10.0.0.1")) < XCTUnwrap(PacketAddress("10.0.0.2")))
    }

    func testEndpointText() {
        XCTAssertEqual(endpoint("10.0.0.1:80").description, "10.0.0.1:80")
        XCTAssertEqual(endpoint("[2001:db8::5]:443").description, "[2001:db8::5]:443")
    }

    func testServerSelectorParsing() throws {
        XCTAssertEqual(try ServerSelector(parsing: "192.0.2.1").description, "192.0.2.1")
        XCTAssertNil(try ServerSelector(parsing: "192.0.2.1").port)
        XCTAssertEqual(try ServerSelector(parsing: " 192.0.2.1:3306 ").port, 3306)
        XCTAssertEqual(try ServerSelector(parsing: "2001:db8::1").address.description, "2001:db8::1")
        XCTAssertNil(try ServerSelector(parsing: "[2001:db8::1]").port)
        XCTAssertEqual(try ServerSelector(parsing: "[2001:db8::1]:8443").description, "[2001:db8::1]:8443")
        for bad in ["", "db.example.com:3306", "192.0.2.1:0", "192.0.2.1:70000", "192.0.2.1:x", "[2001:db8::1", "[::1]x"] {
            XCTAssertThrowsError(try ServerSelector(parsing: bad), bad) { error in
                XCTAssertTrue("\(error)".contains("--server '\(bad)'"), "\(error)")
            }
        }
        let selector = try ServerSelector(parsing: "192.0.2.1:3306")
        XCTAssertTrue(selector.matches(endpoint("192.0.2.1:3306")))
        XCTAssertFalse(selector.matches(endpoint("192.0.2.1:3307")))
        XCTAssertTrue(try ServerSelector(parsing: "192.0.2.1").matches(endpoint("192.0.2.1:1")))
    }

    func testAddressesRoundTripThroughJSON() throws {
        let original = [endpoint("10.1.2.3:4"), endpoint("[fe80::1]:5")]
        let decoded = try JSONDecoder().decode([PacketEndpoint].self, from: JSONEncoder().encode(original))
        XCTAssertEqual(decoded, original)
        XCTAssertThrowsError(try JSONDecoder().decode(PacketAddress.self, from: Data("\"nope\"".utf8)))
    }
}
