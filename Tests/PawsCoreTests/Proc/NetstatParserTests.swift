import XCTest
@testable import PawsCore

final class NetstatParserTests: XCTestCase {
    /// Later assertions index into results whose size the earlier ones check.
    override func setUp() {
        continueAfterFailure = false
    }

    func testModernKernelHasNoPAWSPassive() throws {
        let counters = try NetstatParser.parse(ProcFixtures.debian12Netstat)
        XCTAssertEqual(counters.sections, [.tcpExt, .ipExt, .mptcpExt])
        XCTAssertNil(counters[.pawsPassive], "the column went away in 4.12")
        XCTAssertEqual(counters[.listenDrops], 0)
        XCTAssertEqual(counters[.listenOverflows], 0)
        XCTAssertEqual(counters[.tcpExt, "TW"], 20)
        XCTAssertEqual(counters[.ipExt, "InOctets"], 13_036_206)
        XCTAssertEqual(counters.section(.mptcpExt)?.count, 76)
        XCTAssertEqual(counters.columns(of: .tcpExt).first, "SyncookiesSent")
        XCTAssertEqual(counters.columns(of: .tcpExt).count, counters.section(.tcpExt)?.count)
    }

    func testKernel310HasPAWSPassive() throws {
        let counters = try NetstatParser.parse(ProcFixtures.rhel7NetstatFirst)
        XCTAssertEqual(counters[.pawsPassive], 173_495)
        XCTAssertEqual(counters[.listenDrops], 173_495)
        XCTAssertEqual(counters[.listenOverflows], 0)
        XCTAssertEqual(counters[.twRecycled], 2911)
        XCTAssertEqual(counters.section(.tcpExt)?.count, 93)
        XCTAssertEqual(counters.counterIDs.first, NetstatCounterID(.tcpExt, "SyncookiesSent"))
    }

    func testSnmpNegativeMaxConn() throws {
        let snmp = try NetstatParser.parse(ProcFixtures.debian12Snmp, source: "/proc/net/snmp")
        XCTAssertNil(snmp[.tcp, "MaxConn"])
        XCTAssertEqual(snmp.signedValues[NetstatCounterID(.tcp, "MaxConn")], -1)
        XCTAssertEqual(snmp[.tcp, "RtoMax"], 120_000)
        XCTAssertEqual(snmp[.ip, "DefaultTTL"], 64)
        XCTAssertEqual(snmp["IcmpMsg", "InType3"], 1)
        XCTAssertEqual(snmp.sections.map(\.rawValue), ["Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite"])
    }

    func testMergingNetstatAndSnmp() throws {
        let netstat = try NetstatParser.parse(ProcFixtures.debian12Netstat)
        let snmp = try NetstatParser.parse(ProcFixtures.debian12Snmp, source: "/proc/net/snmp")
        let both = netstat.merging(snmp)
        XCTAssertEqual(both[.listenDrops], 0)
        XCTAssertEqual(both[.tcp, "ActiveOpens"], 21)
        XCTAssertEqual(both.signedValues[NetstatCounterID(.tcp, "MaxConn")], -1)
        XCTAssertEqual(both.sections.count, 9)
    }

    func testToleratesUnknownSectionsAndCRLF() throws {
        let text = "FutureExt: A B\r\nFutureExt: 1 2\r\n\r\nTcpExt: ListenDrops\r\nTcpExt: 5\r\n"
        let counters = try NetstatParser.parse(text)
        XCTAssertEqual(counters["FutureExt", "B"], 2)
        XCTAssertEqual(counters[.listenDrops], 5)
    }

    /// The byte-level splitter must cut lines exactly as splitting Characters did ("\r\n" is one
    /// Character; one more trailing CR is dropped), and count blank lines in line numbers.
    func testLineSplittingMatchesCharacterSemantics() throws {
        let counters = try NetstatParser.parse("TcpExt: A B\r\r\nTcpExt: 7 8\r\r\n")
        XCTAssertEqual(counters[.tcpExt, "B"], 8)
        let lenient = NetstatParser.parseLeniently("\n \t\nTcpExt: A\r\n\r\nIpExt: 1\n")
        XCTAssertEqual(lenient.problems.map(\.line), [3, 5])
        let lastLineWithoutNewline = try NetstatParser.parse("TcpExt: A\nTcpExt: 3\r")
        XCTAssertEqual(lastLineWithoutNewline[.tcpExt, "A"], 3)
    }

    func testKeepingOnlyNamedCountersKeepsTheirValuesAndNothingElse() throws {
        let full = try NetstatParser.parse(ProcFixtures.debian12Netstat)
        let wanted: Set<NetstatCounterID> = [
            NetstatCounterID(.tcpExt, "ListenOverflows"), NetstatCounterID(.tcpExt, "ListenDrops"),
            NetstatCounterID(.tcpExt, "NoSuchCounter"),
        ]
        let kept = NetstatParser.parseLeniently(ProcFixtures.debian12Netstat, keeping: wanted)
        XCTAssertEqual(kept.problems, [])
        XCTAssertEqual(kept.counters.counterIDs, [NetstatCounterID(.tcpExt, "ListenOverflows"), NetstatCounterID(.tcpExt, "ListenDrops")])
        for counter in wanted { XCTAssertEqual(kept.counters[counter], full[counter]) }
    }

    func testNonASCIITextTakesTheCharacterPath() {
        let lenient = NetstatParser.parseLeniently("TcpExt: A Bé\nTcpExt: 1 2\n")
        XCTAssertEqual(lenient.counters[.tcpExt, "Bé"], 2)
    }

    func testColumnCountMismatchIsReportedWithLine() throws {
        let text = "TcpExt: A B C\nTcpExt: 1 2\nIpExt: X\nIpExt: 9\n"
        XCTAssertThrowsError(try NetstatParser.parse(text)) { error in
            XCTAssertEqual(error as? NetstatParseError, NetstatParseError(
                source: "/proc/net/netstat", line: 2, kind: .columnCountMismatch(section: .tcpExt, names: 3, values: 2)))
            XCTAssertTrue("\(error)".hasPrefix("/proc/net/netstat:2: TcpExt has 3 column names but 2 values"))
        }
        let lenient = NetstatParser.parseLeniently(text)
        XCTAssertEqual(lenient.counters[.tcpExt, "A"], 1)
        XCTAssertEqual(lenient.counters[.tcpExt, "B"], 2)
        XCTAssertNil(lenient.counters[.tcpExt, "C"])
        XCTAssertEqual(lenient.counters[.ipExt, "X"], 9, "later sections still parse")
        XCTAssertEqual(lenient.problems.count, 1)
    }

    func testNonNumericValue() {
        let text = "TcpExt: PAWSPassive ListenDrops\nTcpExt: 12 x7\n"
        XCTAssertThrowsError(try NetstatParser.parse(text)) { error in
            XCTAssertEqual((error as? NetstatParseError)?.kind, .notANumber(section: .tcpExt, column: "ListenDrops", text: "x7"))
            XCTAssertEqual((error as? NetstatParseError)?.line, 2)
        }
        let lenient = NetstatParser.parseLeniently(text)
        XCTAssertEqual(lenient.counters[.pawsPassive], 12)
        XCTAssertNil(lenient.counters[.listenDrops])
    }

    func testHeaderWithoutValuesAndValuesWithoutHeader() {
        let text = "TcpExt: A B\nIpExt: X\nIpExt: 1\nTcpExt: 3 4\nnot a section line\n"
        let result = NetstatParser.parseLeniently(text, source: "sample")
        XCTAssertEqual(result.problems.map(\.kind), [
            .headerWithoutValues(section: .tcpExt), .valuesWithoutHeader(section: .tcpExt),
            .notASectionLine(text: "not a section line"),
        ])
        XCTAssertEqual(result.problems.map(\.line), [1, 4, 5])
        XCTAssertEqual(result.counters[.ipExt, "X"], 1)
        XCTAssertTrue(result.problems[0].description.hasPrefix("sample:1:"))
    }

    func testTruncatedOutputLosesOnlyTheLastPair() {
        let lines = ProcFixtures.rhel7NetstatFirst.split(separator: "\n")
        let truncated = lines.dropLast().joined(separator: "\n")
        let result = NetstatParser.parseLeniently(truncated)
        XCTAssertEqual(result.counters[.pawsPassive], 173_495)
        XCTAssertEqual(result.problems.map(\.kind), [.headerWithoutValues(section: .ipExt)])
    }

    func testEmptyText() throws {
        XCTAssertTrue(try NetstatParser.parse("").isEmpty)
        XCTAssertTrue(try NetstatParser.parse("\n\n").isEmpty)
    }
}
