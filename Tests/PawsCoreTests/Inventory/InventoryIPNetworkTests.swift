import XCTest
@testable import PawsCore

final class InventoryIPNetworkTests: XCTestCase {
    func testParsesIPv4AndIPv6Networks() throws {
        let pods = try IPNetwork(parsing: "10.244.0.0/16")
        XCTAssertEqual(pods.family, .ipv4)
        XCTAssertEqual(pods.prefixLength, 16)
        XCTAssertEqual(pods.description, "10.244.0.0/16")

        let ula = try IPNetwork(parsing: "fd00::/8")
        XCTAssertEqual(ula.family, .ipv6)
        XCTAssertEqual(ula.description, "fd00::/8")
    }

    func testClearsHostBitsAndTreatsBareAddressAsSingleHost() throws {
        XCTAssertEqual(try IPNetwork(parsing: "192.168.0.2/20").description, "192.168.0.0/20")
        XCTAssertEqual(try IPNetwork(parsing: "192.0.2.7").description, "192.0.2.7/32")
        XCTAssertEqual(try IPNetwork(parsing: "2001:db8::7").description, "2001:db8::7/128")
    }

    func testIPv4Containment() throws {
        let network = try IPNetwork(parsing: "10.244.0.0/16")
        XCTAssertTrue(network.contains(address: "10.244.0.1"))
        XCTAssertTrue(network.contains(address: "10.244.255.255"))
        XCTAssertFalse(network.contains(address: "10.245.0.0"))
        XCTAssertFalse(network.contains(address: "10.243.255.255"))
        XCTAssertFalse(network.contains(address: "fd00::1"))
        XCTAssertFalse(network.contains(address: "not an address"))
    }

    func testIPv4MappedIPv6PeerCountsAsIPv4() throws {
        let network = try IPNetwork(parsing: "198.51.100.0/24")
        XCTAssertTrue(network.contains(address: "::ffff:198.51.100.9"))
        XCTAssertFalse(network.contains(address: "::ffff:198.51.101.9"))
    }

    func testIPv6Containment() throws {
        let network = try IPNetwork(parsing: "2001:db8:100::/56")
        XCTAssertTrue(network.contains(address: "2001:db8:100::1"))
        XCTAssertTrue(network.contains(address: "2001:db8:100:ff:ffff:ffff:ffff:ffff"))
        XCTAssertFalse(network.contains(address: "2001:db8:100:100::"))
        XCTAssertFalse(network.contains(address: "10.0.0.1"))
    }

    func testEdgePrefixes() throws {
        let everyIPv4 = try IPNetwork(parsing: "0.0.0.0/0")
        XCTAssertTrue(everyIPv4.contains(address: "255.255.255.255"))
        XCTAssertTrue(everyIPv4.contains(address: "0.0.0.0"))
        XCTAssertFalse(everyIPv4.contains(address: "::1"))

        let oneIPv4 = try IPNetwork(parsing: "192.0.2.250/32")
        XCTAssertTrue(oneIPv4.contains(address: "192.0.2.250"))
        XCTAssertFalse(oneIPv4.contains(address: "192.0.2.251"))

        let everyIPv6 = try IPNetwork(parsing: "::/0")
        XCTAssertTrue(everyIPv6.contains(address: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))
        XCTAssertFalse(everyIPv6.contains(address: "10.0.0.1"))

        let oneIPv6 = try IPNetwork(parsing: "2001:db8::1/128")
        XCTAssertTrue(oneIPv6.contains(address: "2001:0db8:0000:0000:0000:0000:0000:0001"))
        XCTAssertFalse(oneIPv6.contains(address: "2001:db8::2"))
    }

    func testRejectsInvalidNetworks() {
        let invalid = [
            "", "10.0.0.0/33", "fd00::/129", "10.0.0/8", "256.0.0.0/8", "010.0.0.0/8", "10.0.0.0/", "10.0.0.0/-1",
            "10.0.0.0/8/9", "fd00:::/8", "1::2::3/64", "fd00::/x", "example.com/24", "1:2:3:4:5:6:7:8:9/64",
        ]
        for text in invalid {
            XCTAssertThrowsError(try IPNetwork(parsing: text), "\(text) should be rejected")
        }
    }

    func testErrorExplainsPrefixLimit() {
        XCTAssertThrowsError(try IPNetwork(parsing: "10.0.0.0/33")) { error in
            XCTAssertEqual(
                (error as? IPNetworkError)?.description,
                "'10.0.0.0/33' is not a network: the prefix length after '/' must be a whole number from 0 to 32")
        }
    }

    func testAddressTextForms() throws {
        XCTAssertEqual(IPAddress("2001:0db8:0:0:1:0:0:1")?.description, "2001:db8::1:0:0:1")
        XCTAssertEqual(IPAddress("::")?.description, "::")
        XCTAssertEqual(IPAddress("::1")?.description, "::1")
        XCTAssertEqual(IPAddress("64:ff9b::192.0.2.33")?.description, "64:ff9b::c000:221")
        XCTAssertEqual(IPAddress(bytes: [192, 0, 2, 1])?.description, "192.0.2.1")
        XCTAssertNil(IPAddress(bytes: [1, 2, 3]))
        XCTAssertNil(IPAddress("fe80::1%eth0"))
    }

    func testCodableAsText() throws {
        let network = try IPNetwork(parsing: "fd00::/8")
        let data = try JSONEncoder().encode([network])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"fd00::\\/8\"]")
        XCTAssertEqual(try JSONDecoder().decode([IPNetwork].self, from: data), [network])
        XCTAssertThrowsError(try JSONDecoder().decode([IPNetwork].self, from: Data("[\"x/8\"]".utf8)))
    }
}
