import XCTest

@testable import PawsCore

final class LintSuppressionTests: XCTestCase {
    private func lint(_ text: String, path: String) throws -> LintFileResult {
        try LintTestSupport.linter().lint(path: path, bytes: Array(text.utf8))
    }

    func testEveryCommentStyleSuppressesTheNextLine() throws {
        let cases: [(String, String)] = [
            ("a.sh", "# pawsguard: ignore[tw-recycle-nat] lab\nsysctl -w net.ipv4.tcp_tw_recycle=1\n"),
            ("main.tf", "// pawsguard: ignore[tw-recycle-nat] lab\nlocals { s = { \"net.ipv4.tcp_tw_recycle\" = 1 } }\n"),
            ("main.tf", "/* pawsguard: ignore[tw-recycle-nat] lab */\nlocals { s = { \"net.ipv4.tcp_tw_recycle\" = 1 } }\n"),
            ("etc/sysctl.d/1.conf", "; pawsguard: ignore[tw-recycle-nat] lab\nnet.ipv4.tcp_tw_recycle = 1\n"),
            ("sysctl.conf.j2", "{# pawsguard: ignore[tw-recycle-nat] lab #}\nnet.ipv4.tcp_tw_recycle = 1\n"),
            ("init.pp", "# pawsguard: ignore[tw-recycle-nat] lab\nsysctl { 'net.ipv4.tcp_tw_recycle': value => 1 }\n"),
        ]
        for (path, text) in cases {
            let result = try lint(text, path: path)
            XCTAssertEqual(result.findings.count, 1, text)
            XCTAssertEqual(result.findings.first?.suppression?.reason, "lab", text)
            XCTAssertEqual(result.findings.first?.suppression?.location.line, 1, text)
        }
    }

    func testSeveralIdsAndReasonPunctuation() throws {
        let text = "# pawsguard: ignore[tw-recycle-nat, tw-recycle-stale-config]: kernel 3.10 only\nnet.ipv4.tcp_tw_recycle = 1\n"
        let result = try LintTestSupport.linter(targetKernel: "5.15").lint(path: "etc/sysctl.conf", bytes: Array(text.utf8))
        XCTAssertEqual(result.findings.map(\.ruleID).sorted(), ["tw-recycle-nat", "tw-recycle-stale-config"])
        XCTAssertTrue(result.findings.allSatisfy { $0.suppression?.reason == "kernel 3.10 only" })
        XCTAssertTrue(result.notices.isEmpty)
    }

    func testValueLineOfANameValuePairCounts() throws {
        let text = """
            sysctls:
              - name: net.ipv4.tcp_tw_recycle
                # pawsguard: ignore[tw-recycle-nat] staging cluster
                value: "1"
            """
        let result = try lint(text, path: "pod.yaml")
        XCTAssertEqual(result.findings.first?.suppression?.reason, "staging cluster")
    }

    func testATextMentionIsNotASuppression() throws {
        let text = "echo 'pawsguard: ignore[tw-recycle-nat]'\nsysctl -w net.ipv4.tcp_tw_recycle=1\n"
        XCTAssertEqual(try LintTestSupport.findings(text, path: "a.sh"), ["2:11 tw-recycle-nat"])
        let trailing = "sysctl -w net.ipv4.tcp_tw_reuse=1 # pawsguard: ignore[tw-recycle-nat] wrong line\nsysctl -w net.ipv4.tcp_tw_recycle=1\n"
        XCTAssertEqual(try LintTestSupport.findings(trailing, path: "a.sh"), ["2:11 tw-recycle-nat"])
    }

    func testMissingReasonAndUnknownIdGiveNotices() throws {
        let text = "# pawsguard: ignore[tw-recycle-nat]\nnet.ipv4.tcp_tw_recycle = 1\n# pawsguard: ignore[tw_recycle_nat] typo\n"
        let result = try lint(text, path: "etc/sysctl.conf")
        XCTAssertTrue(result.findings.allSatisfy(\.isSuppressed))
        XCTAssertEqual(result.notices.map(\.code).sorted(), ["suppression-without-reason", "unknown-rule-in-suppression"])
    }
}
