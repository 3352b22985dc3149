import XCTest
@testable import PawsCore

final class TCPSocketTableTests: XCTestCase {
    /// Later assertions index into results whose size the earlier ones check.
    override func setUp() {
        continueAfterFailure = false
    }

    func testIPv4CapturedOnLittleEndian() throws {
        let entries = try TCPSocketTable.parse(ProcFixtures.loopbackTCP)
        XCTAssertEqual(entries.count, 13)
        let listener = try XCTUnwrap(entries.first)
        XCTAssertEqual(listener.local, TCPEndpoint(address: "127.0.0.1", port: 4000, family: .ipv4))
        XCTAssertEqual(listener.remote, TCPEndpoint(address: "0.0.0.0", port: 0, family: .ipv4))
        XCTAssertEqual(listener.state, .listen)
        XCTAssertEqual(listener.uid, 0)
        XCTAssertEqual(listener.inode, 16439)
        XCTAssertEqual(listener.line, 2)
        XCTAssertEqual(entries[1].local.description, "0.0.0.0:2024")
        XCTAssertEqual(entries[2].description, "127.0.0.2:40087 -> 127.0.0.1:4000 ESTABLISHED")
        // Left over from an earlier run of the capture: TIME_WAIT entries have inode 0.
        XCTAssertEqual(entries[3].state, .timeWait)
        XCTAssertEqual(entries[3].inode, 0)
        XCTAssertEqual(entries.filter { $0.state == .timeWait }.count, 4)
    }

    func testIPv6CapturedOnLittleEndian() throws {
        let entries = try TCPSocketTable.parse(ProcFixtures.loopbackTCP6, source: "/proc/net/tcp6")
        XCTAssertEqual(entries.map(\.local.address), ["::1", "::", "::1", "::ffff:127.0.0.1", "::1", "::1"])
        XCTAssertEqual(entries.map(\.local.family), Array(repeating: .ipv6, count: 6))
        XCTAssertEqual(entries[0].local.description, "[::1]:4001")
        XCTAssertEqual(entries[3].remote.address, "::ffff:127.0.0.3")
        XCTAssertEqual(entries[3].remote.peerAddress, "127.0.0.3")
        XCTAssertEqual(entries.map(\.state), [.listen, .listen, .established, .established, .established, .timeWait])
    }

    func testBigEndianHostReadsHexInNetworkOrder() throws {
        let line = "   0: 7F000001:0FA0 0A000007:C350 01 00000000:00000000 00:00000000 00000000  1000 0 77 1\n"
        let entry = try XCTUnwrap(TCPSocketTable.parse(line, byteOrder: .bigEndian).first)
        XCTAssertEqual(entry.local.address, "127.0.0.1")
        XCTAssertEqual(entry.remote.address, "10.0.0.7")
        XCTAssertEqual(entry.remote.port, 50000)
        XCTAssertEqual(entry.uid, 1000)
        let v6 = "0: 20010DB8000000000000000000000001:01BB 00000000000000000000000000000000:0000 0A\n"
        XCTAssertEqual(try TCPSocketTable.parse(v6, byteOrder: .bigEndian).first?.local.address, "2001:db8::1")
    }

    func testIPv6TextFollowsRFC5952() {
        func text(_ groups: [UInt16]) -> String {
            ProcNetAddressDecoder.formatIPv6(groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        }
        XCTAssertEqual(text([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]), "2001:db8::1")
        XCTAssertEqual(text([0x2001, 0xdb8, 0, 1, 0, 0, 0, 1]), "2001:db8:0:1::1", "longest run wins")
        XCTAssertEqual(text([0x2001, 0, 0, 1, 0, 0, 1, 1]), "2001::1:0:0:1:1", "first run wins a tie")
        XCTAssertEqual(text([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]), "2001:db8:0:1:1:1:1:1", "a single zero group stays")
        XCTAssertEqual(text([0, 0, 0, 0, 0, 0, 0, 0]), "::")
        XCTAssertEqual(text([0xfe80, 0, 0, 0, 0x1c2b, 0x3cff, 0xfe4d, 0x5e6f]), "fe80::1c2b:3cff:fe4d:5e6f")
        XCTAssertEqual(text([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0007]), "::ffff:10.0.0.7")
    }

    func testLittleEndianIPv6WordsAreByteSwapped() throws {
        // 2001:db8::1 as a little-endian kernel prints it: each 32-bit word reversed.
        let line = "0: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A\n"
        XCTAssertEqual(try TCPSocketTable.parse(line).first?.local.address, "2001:db8::1")
    }

    func testInboundPeersFromBothTables() throws {
        let entries = try TCPSocketTable.parse(ProcFixtures.loopbackTCP)
            + TCPSocketTable.parse(ProcFixtures.loopbackTCP6, source: "/proc/net/tcp6")
        let peers = TCPSocketTable.inboundPeers(entries)
        XCTAssertEqual(peers, [
            InboundPeer(address: "127.0.0.2", connections: 2, ports: [4000]),
            InboundPeer(address: "127.0.0.1", connections: 1, ports: [4000]),
            InboundPeer(address: "127.0.0.3", connections: 1, ports: [4002]),
            InboundPeer(address: "::1", connections: 1, ports: [4001]),
        ])
        XCTAssertEqual(peers[0].description, "127.0.0.2: 2 connections to port 4000")
    }

    func testInboundPeersIgnoreOutgoingConnectionsAndOtherStates() throws {
        let text = """
              sl  local_address rem_address   st
               0: 00000000:0CEA 00000000:0000 0A
               1: 0700000A:0CEA 0100A8C0:D431 01
               2: 0700000A:0CEA 0100A8C0:D432 06
               3: 0700000A:A001 0500000A:0050 01
               4: 0700000A:0CEA 0200A8C0:D433 03

            """
        let entries = try TCPSocketTable.parse(text)
        XCTAssertEqual(TCPSocketTable.inboundPeers(entries), [InboundPeer(address: "192.168.0.1", connections: 1, ports: [3306])])
        XCTAssertEqual(
            TCPSocketTable.inboundPeers(entries, states: [.established, .timeWait, .synReceived]).map(\.connections), [2, 1])
    }

    func testListenerOnOneAddressDoesNotClaimOtherAddresses() throws {
        let text = """
               0: 0100007F:0CEA 00000000:0000 0A
               1: 0700000A:0CEA 0100A8C0:D431 01

            """
        XCTAssertEqual(TCPSocketTable.inboundPeers(try TCPSocketTable.parse(text)), [])
    }

    func testMalformedLinesAreReportedWithLineNumbers() {
        let text = """
              sl  local_address rem_address   st
               0: 0100007F:0FA0 00000000:0000 0A
               1: 0100007F 00000000:0000 01
               2: 0100007F:0FA0 00000000:0000 ZZ
               3: 0100007F:0FA0
               4: 0100007:0FA0 00000000:0000 01

            """
        XCTAssertThrowsError(try TCPSocketTable.parse(text)) { error in
            XCTAssertEqual(error as? TCPTableParseError, TCPTableParseError(
                source: "/proc/net/tcp", line: 3, kind: .badEndpoint(text: "0100007F")))
        }
        let result = TCPSocketTable.parseLeniently(text)
        XCTAssertEqual(result.entries.count, 1)
        XCTAssertEqual(result.problems.map(\.line), [3, 4, 5, 6])
        XCTAssertEqual(result.problems.map(\.kind), [
            .badEndpoint(text: "0100007F"), .badState(text: "ZZ"), .tooFewColumns(text: "3: 0100007F:0FA0"),
            .badEndpoint(text: "0100007:0FA0"),
        ])
        XCTAssertTrue(result.problems[1].description.hasPrefix("/proc/net/tcp:4:"))
    }

    func testUnknownStateIsKept() throws {
        let entry = try XCTUnwrap(TCPSocketTable.parse("0: 0100007F:0FA0 00000000:0000 0D\n").first)
        XCTAssertEqual(entry.state.rawValue, 0x0D)
        XCTAssertEqual(entry.state.description, "UNKNOWN(0xD)")
        XCTAssertEqual(TCPState.timeWait.description, "TIME_WAIT")
    }

    func testCRLFLines() throws {
        let text = "  sl  local_address rem_address   st\r\n   0: 0100007F:0FA0 00000000:0000 0A\r\n"
        XCTAssertEqual(try TCPSocketTable.parse(text).map(\.state), [.listen])
    }

    func testEmptyTableHasHeaderOnly() throws {
        XCTAssertEqual(try TCPSocketTable.parse("  sl  local_address rem_address   st tx_queue\n"), [])
    }
}
