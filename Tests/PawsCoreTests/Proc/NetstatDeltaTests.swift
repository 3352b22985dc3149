import XCTest
@testable import PawsCore

final class NetstatDeltaTests: XCTestCase {
    func testIncidentSignatureOverASampleInterval() throws {
        let first = try NetstatParser.parse(ProcFixtures.rhel7NetstatFirst)
        let second = try NetstatParser.parse(ProcFixtures.rhel7NetstatSecond)
        let delta = second.delta(from: first)
        XCTAssertEqual(delta[.pawsPassive], 407)
        XCTAssertEqual(delta[.listenDrops], 407)
        XCTAssertEqual(delta[.listenOverflows], 0)
        XCTAssertEqual(delta.change(.listenOverflows), .unchanged)
        XCTAssertEqual(delta[.ipExt, "InBcastPkts"], 2)
        XCTAssertEqual(delta.resets, [])
        XCTAssertEqual(delta.appeared, [])
        XCTAssertEqual(delta.disappeared, [])
    }

    func testDecreaseIsACounterResetNotAnIncrease() throws {
        let before = try NetstatParser.parse("TcpExt: PAWSPassive ListenDrops\nTcpExt: 900 1000\n")
        let afterReboot = try NetstatParser.parse("TcpExt: PAWSPassive ListenDrops\nTcpExt: 3 1200\n")
        let delta = afterReboot.delta(from: before)
        XCTAssertNil(delta[.pawsPassive])
        XCTAssertEqual(delta.change(.pawsPassive), .reset(from: 900, to: 3))
        XCTAssertEqual(delta.resets, [.pawsPassive])
        XCTAssertEqual(delta[.listenDrops], 200)
    }

    func testWrapOfA32BitCounterIsReportedAsReset() throws {
        let before = try NetstatParser.parse("TcpExt: ListenDrops\nTcpExt: 4294967290\n")
        let after = try NetstatParser.parse("TcpExt: ListenDrops\nTcpExt: 5\n")
        XCTAssertEqual(after.delta(from: before).resets, [.listenDrops])
    }

    func testCountersMissingFromOneSample() throws {
        // Samples from different kernels (say, before and after an upgrade to 4.12+).
        let old = try NetstatParser.parse("TcpExt: PAWSPassive ListenDrops\nTcpExt: 5 6\n")
        let new = try NetstatParser.parse("TcpExt: ListenDrops TCPMigrateReqSuccess\nTcpExt: 7 0\n")
        let delta = new.delta(from: old)
        XCTAssertNil(delta[.pawsPassive])
        XCTAssertEqual(delta.disappeared, [.pawsPassive])
        XCTAssertEqual(delta.appeared, [NetstatCounterID(.tcpExt, "TCPMigrateReqSuccess")])
        XCTAssertEqual(delta[.listenDrops], 1)
    }

    func testCounterIDDescription() {
        XCTAssertEqual(NetstatCounterID.pawsPassive.description, "TcpExt:PAWSPassive")
    }
}
