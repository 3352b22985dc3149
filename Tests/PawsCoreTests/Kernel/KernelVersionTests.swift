import Foundation
import XCTest
@testable import PawsCore

final class KernelVersionTests: XCTestCase {
    /// Real release strings: (release, version, extra numbers, local version).
    private let releases: [(String, KernelVersion, [Int], String)] = [
        ("3.10.0-1160.el7.x86_64", KernelVersion(3, 10, 0), [], "-1160.el7.x86_64"),
        ("4.4.0-210-generic", KernelVersion(4, 4, 0), [], "-210-generic"),
        ("5.15.0-91-generic", KernelVersion(5, 15, 0), [], "-91-generic"),
        ("6.1.0-13-amd64", KernelVersion(6, 1, 0), [], "-13-amd64"),
        ("4.19.91-27.al7.x86_64", KernelVersion(4, 19, 91), [], "-27.al7.x86_64"),
        ("2.6.32-754.el6.x86_64", KernelVersion(2, 6, 32), [], "-754.el6.x86_64"),
        ("4.14.336-257.562.amzn2.x86_64", KernelVersion(4, 14, 336), [], "-257.562.amzn2.x86_64"),
        ("5.4.0-1103-aws", KernelVersion(5, 4, 0), [], "-1103-aws"),
        ("6.5.0-0.deb12.4-amd64", KernelVersion(6, 5, 0), [], "-0.deb12.4-amd64"),
        ("4.9.0-0.bpo.12-amd64", KernelVersion(4, 9, 0), [], "-0.bpo.12-amd64"),
        ("5.10.0-27-cloud-amd64", KernelVersion(5, 10, 0), [], "-27-cloud-amd64"),
        ("3.10.0-957.el7.x86_64+debug", KernelVersion(3, 10, 0), [], "-957.el7.x86_64+debug"),
        ("4.18.0-513.5.1.el8_9.x86_64", KernelVersion(4, 18, 0), [], "-513.5.1.el8_9.x86_64"),
        ("6.8.0-1015-azure", KernelVersion(6, 8, 0), [], "-1015-azure"),
        ("5.15.167.4-microsoft-standard-WSL2", KernelVersion(5, 15, 167), [4], "-microsoft-standard-WSL2"),
        ("6.11.0-rc3", KernelVersion(6, 11, 0), [], "-rc3"),
        ("3.2.0-4-amd64", KernelVersion(3, 2, 0), [], "-4-amd64"),
        ("4.12.14-lp150.12.82-default", KernelVersion(4, 12, 14), [], "-lp150.12.82-default"),
        ("4.9.118", KernelVersion(4, 9, 118), [], ""),
        ("5.10.0+", KernelVersion(5, 10, 0), [], "+"),
        ("4.12", KernelVersion(4, 12, 0), [], ""),
        ("6.18.44-fc-v669", KernelVersion(6, 18, 44), [], "-fc-v669"),
        ("3.10.0-1160.el7.x86_64\n", KernelVersion(3, 10, 0), [], "-1160.el7.x86_64"),
    ]

    func testRealWorldReleaseStrings() throws {
        for (text, version, extra, local) in releases {
            let release = try KernelRelease.parse(text)
            XCTAssertEqual(release.version, version, text)
            XCTAssertEqual(release.extraNumbers, extra, text)
            XCTAssertEqual(release.localVersion, local, text)
            XCTAssertEqual(KernelVersion(text), version, text)
        }
    }

    func testGarbageIsRejectedWithAReason() {
        let cases: [(String, KernelReleaseError)] = [
            ("", .empty),
            ("  \n", .empty),
            ("linux", .notAVersion("linux")),
            ("5", .notAVersion("5")),
            ("5.", .notAVersion("5.")),
            ("5.x.1", .notAVersion("5.x.1")),
            (".5.1", .notAVersion(".5.1")),
            ("v5.4.0", .notAVersion("v5.4.0")),
            ("Linux version 5.15.0-91-generic (buildd@lcy02)", .containsBlanks("Linux version 5.15.0-91-generic (buildd@lcy02)")),
            ("5.4.99999999999999999999", .numberOutOfRange("5.4.99999999999999999999")),
            (String(repeating: "5.4.0-", count: 20), .tooLong(String(repeating: "5.4.0-", count: 20))),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try KernelRelease.parse(text), text) { error in
                XCTAssertEqual(error as? KernelReleaseError, expected, text)
                XCTAssertFalse("\(error)".isEmpty)
            }
            XCTAssertNil(KernelVersion(text), text)
        }
    }

    func testErrorDescriptionsSayWhatToDo() {
        XCTAssertTrue(KernelReleaseError.containsBlanks("Linux version 5").description.contains("uname -r"))
        XCTAssertTrue(KernelReleaseError.notAVersion("x").description.contains("major.minor"))
    }

    func testOrdering() throws {
        let sorted = try ["6.1.0-13-amd64", "2.6.32-754.el6.x86_64", "4.4.0-210-generic", "4.19.91-27.al7.x86_64",
                          "4.9.118", "3.10.0-1160.el7.x86_64", "4.12"].map { try KernelRelease.parse($0).version }.sorted()
        XCTAssertEqual(sorted.map(\.description), ["2.6.32", "3.10.0", "4.4.0", "4.9.118", "4.12.0", "4.19.91", "6.1.0"])
        XCTAssertLessThan(KernelVersion(4, 11, 99), KernelVersion(4, 12))
        XCTAssertEqual(KernelVersion("4.12"), KernelVersion(4, 12, 0))
        XCTAssertEqual(KernelVersion("4.4.0-210-generic"), KernelVersion("4.4.0-21-generic"), "ABI numbers are not compared")
    }

    func testTwRecycleExistsBefore412() throws {
        XCTAssertTrue(try XCTUnwrap(KernelVersion("3.10.0-1160.el7.x86_64")).hasTcpTwRecycle, "RHEL/CentOS 7")
        XCTAssertTrue(try XCTUnwrap(KernelVersion("4.4.0-210-generic")).hasTcpTwRecycle, "Ubuntu 16.04")
        XCTAssertTrue(KernelVersion(4, 11, 12).hasTcpTwRecycle)
        XCTAssertFalse(KernelVersion(4, 12).hasTcpTwRecycle)
        XCTAssertFalse(try XCTUnwrap(KernelVersion("4.12.14-lp150.12.82-default")).hasTcpTwRecycle)
        XCTAssertFalse(try XCTUnwrap(KernelVersion("5.15.0-91-generic")).hasTcpTwRecycle)
        XCTAssertEqual(KernelVersion(4, 11).hasPAWSPassiveCounter, true)
        XCTAssertEqual(KernelVersion(4, 12).hasPAWSPassiveCounter, false)
    }

    func testRandomizedTimestampOffsetsFrom410() throws {
        XCTAssertFalse(KernelVersion(4, 9, 118).randomizesTimestampOffsets)
        XCTAssertTrue(KernelVersion(4, 10).randomizesTimestampOffsets)
        XCTAssertTrue(try XCTUnwrap(KernelVersion("4.11.0-rc1")).randomizesTimestampOffsets)
        // 4.10 and 4.11 have both: random offsets and tw_recycle.
        XCTAssertTrue(KernelVersion(4, 11).randomizesTimestampOffsets && KernelVersion(4, 11).hasTcpTwRecycle)
    }

    func testReleaseCandidateCountsAsItsVersion() throws {
        let candidate = try KernelRelease.parse("4.12.0-rc1")
        XCTAssertTrue(candidate.isReleaseCandidate)
        XCTAssertFalse(candidate.version.hasTcpTwRecycle)
        XCTAssertFalse(try KernelRelease.parse("4.12.0-rcfoo").isReleaseCandidate)
        XCTAssertFalse(try KernelRelease.parse("5.4.0-1103-aws").isReleaseCandidate)
    }

    func testObservationBeatsKernelVersion() {
        // A 5.x kernel where the probe nevertheless found the key (custom patch): believe the host.
        let observed = KernelFeature.tcpTwRecycle.evidence(observed: true, version: KernelVersion(5, 4))
        XCTAssertEqual(observed.isPresent, true)
        XCTAssertEqual(observed.basis, .observed)
        let inferred = KernelFeature.tcpTwRecycle.evidence(observed: nil, version: KernelVersion(3, 10))
        XCTAssertEqual(inferred.isPresent, true)
        XCTAssertEqual(inferred.basis, .kernelVersion(KernelVersion(3, 10)))
        XCTAssertTrue(inferred.description.contains("inferred from kernel 3.10.0"))
        let unknown = KernelFeature.pawsPassiveCounter.evidence(observed: nil, version: nil)
        XCTAssertNil(unknown.isPresent)
        XCTAssertEqual(unknown.basis, .unknown)
    }

    func testCodable() throws {
        let data = try JSONEncoder().encode([KernelVersion(4, 12)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["4.12.0"]"#)
        XCTAssertEqual(try JSONDecoder().decode([KernelVersion].self, from: data), [KernelVersion(4, 12)])
        XCTAssertThrowsError(try JSONDecoder().decode([KernelVersion].self, from: Data(#"["four"]"#.utf8)))
    }
}
