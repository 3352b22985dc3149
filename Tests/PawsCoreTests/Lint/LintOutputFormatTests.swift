import Foundation
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import PawsCore

final class LintOutputFormatTests: XCTestCase {
    /// A report over two files: an error, a note, a suppressed error, a notice and an unreadable file.
    private func sampleReport(failOn: LintCheck.Level = .warning) throws -> LintReport {
        let linter = try LintTestSupport.linter()
        let first = linter.lint(path: "roles/net dir/tasks/main.yml", bytes: Array("""
            - ansible.posix.sysctl: {name: net.ipv4.tcp_tw_recycle, value: "1"}
            - ansible.posix.sysctl: {name: net.ipv4.tcp_timestamps, value: "0"}
            """.utf8))
        let second = linter.lint(path: "etc/sysctl.d/90.conf", bytes: Array("""
            # pawsguard: ignore[tw-recycle-nat] lab <only>
            net.ipv4.tcp_tw_recycle = 1
            # pawsguard: ignore[nope] "quoted" & odd
            """.utf8))
        return LintReport(
            toolVersion: "9.9.9", ruleSet: linter.ruleSet, findings: first.findings + second.findings,
            notices: first.notices + second.notices, skipped: [LintSkip(path: "secret.conf", reason: .unreadable(reason: "Permission denied")),
                                                              LintSkip(path: "logo.png", reason: .binary)],
            filesChecked: 2, filesExcluded: 3, failOn: failOn, sourceRoot: "/repo", currentDirectory: "/repo")
    }

    func testTextIsCompilerStyle() throws {
        let report = try sampleReport()
        let lines = LintTextFormatter().render(report).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("roles/net dir/tasks/main.yml:1:32: error: net.ipv4.tcp_tw_recycle=\"1\" (Ansible sysctl task): "))
        XCTAssertTrue(lines[0].hasSuffix("[tw-recycle-nat]"))
        XCTAssertTrue(lines[1].hasPrefix("roles/net dir/tasks/main.yml:2:32: note: "))
        let diagnostics = LintTextFormatter().diagnostics(report, verbose: false)
        XCTAssertTrue(diagnostics.contains("etc/sysctl.d/90.conf:3: notice: suppression names rule 'nope'"))
        XCTAssertTrue(diagnostics.contains("secret.conf: error: cannot be read (Permission denied)"))
        XCTAssertFalse(diagnostics.contains("logo.png"))
        XCTAssertEqual(report.skipsByReason, ["binary": 1, "unreadable": 1])
        XCTAssertTrue(LintTextFormatter().diagnostics(report, verbose: true).contains("logo.png: notice: skipped: binary"))
        XCTAssertTrue(diagnostics.hasSuffix("pawsguard lint: 2 findings (1 error, 0 warnings, 1 note) in 1 file; 1 suppressed; "
            + "2 files checked; 2 skipped (binary 1, unreadable 1); 3 excluded; off without --target-kernel: tw-recycle-stale-config\n"))
        XCTAssertEqual(report.outcome, .findings)
    }

    func testOutcomeFollowsFailOnThenUnreadableInput() throws {
        XCTAssertEqual(try sampleReport(failOn: .error).outcome, .findings)
        var report = try sampleReport(failOn: .error)
        report.findings = report.findings.filter { $0.level == .note || $0.isSuppressed }
        XCTAssertEqual(report.outcome, .incompleteInput)
        report.skipped = []
        XCTAssertEqual(report.outcome, .clean)
    }

    func testJSONHasFindingsSuppressedNoticesAndSummary() throws {
        let data = Data(LintJSONFormatter().render(try sampleReport()).utf8)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(document["schemaVersion"] as? Int, 1)
        let findings = try XCTUnwrap(document["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["ruleId"] as? String }, ["tw-recycle-nat", "timestamps-disabled"])
        XCTAssertEqual(findings.first?["normalisedValue"] as? String, "1")
        XCTAssertEqual(findings.first?["form"] as? String, "ansible-sysctl")
        let suppressed = try XCTUnwrap(document["suppressed"] as? [[String: Any]])
        XCTAssertEqual((suppressed.first?["suppression"] as? [String: Any])?["reason"] as? String, "lab <only>")
        let summary = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 1)
        XCTAssertEqual(summary["outcome"] as? String, "findings")
        XCTAssertEqual((document["skipped"] as? [[String: Any]])?.count, 2)
    }

    func testSARIFHasWhatCodeScanningNeeds() throws {
        let data = Data(LintSARIFFormatter().render(try sampleReport()).utf8)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, ["tw-recycle-nat", "timestamps-disabled"])
        XCTAssertEqual(rules.first?["name"] as? String, "TwRecycleNat")
        XCTAssertNotNil((rules.first?["help"] as? [String: Any])?["text"] as? String)
        XCTAssertEqual(((rules.first?["defaultConfiguration"] as? [String: Any])?["level"]) as? String, "error")
        XCTAssertEqual(((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String, "file:///repo/")
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2, "the suppressed finding is left out")
        for result in results {
            XCTAssertNotNil(result["ruleId"] as? String)
            XCTAssertEqual((result["partialFingerprints"] as? [String: String])?.keys.first, "pawsguardLint/v1")
            let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
            XCTAssertFalse((artifact["uri"] as? String ?? "/").hasPrefix("/"))
        }
        XCTAssertTrue(results.allSatisfy { $0["suppressions"] == nil })
        let spaced = ((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
        XCTAssertEqual((spaced as? [String: Any])?["uri"] as? String, "roles/net%20dir/tasks/main.yml")
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [Any])?.count, 2)
    }

    func testJUnitCountsFailuresAtFailOnAndEscapes() throws {
        let xml = LintJUnitFormatter().render(try sampleReport(failOn: .error))
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pawsguard lint\" tests=\"3\" failures=\"1\" errors=\"1\">"))
        XCTAssertTrue(xml.contains("<failure type=\"error\""))
        XCTAssertTrue(xml.contains("<system-out>roles/net dir/tasks/main.yml:2:32: note: "))
        XCTAssertTrue(xml.contains("net.ipv4.tcp_tw_recycle=&quot;1&quot;"))
        XCTAssertTrue(xml.contains("<error type=\"unreadable\""))
        XCTAssertEqual(XMLText.escape("a\u{1}b<&>"), "a\u{FFFD}b&lt;&amp;&gt;")
        XCTAssertNoThrow(try XMLDocument(data: Data(xml.utf8)), "JUnit output is well-formed XML")
    }

    func testGitHubAnnotationsAreEscaped() throws {
        let lines = LintGitHubFormatter().render(try sampleReport()).split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("::error file=roles/net dir/tasks/main.yml,line=1,col=32,title=pawsguard tw-recycle-nat::"))
        XCTAssertTrue(lines[1].hasPrefix("::notice file=roles/net dir/tasks/main.yml,line=2,col=32,"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=secret.conf,title=pawsguard unreadable::") })
        XCTAssertEqual(LintGitHubFormatter.property("a,b:c%\nd"), "a%2Cb%3Ac%25%0Ad")
        XCTAssertEqual(LintGitHubFormatter.data("50% done\r\nok"), "50%25 done%0D%0Aok")
    }

    func testFormatNamesAndExtensions() {
        XCTAssertEqual(LintOutputFormat.parse("SARIF"), .sarif)
        XCTAssertNil(LintOutputFormat.parse("xml"))
        XCTAssertEqual(LintOutputFormat.inferred(fromPath: "out/pawsguard.sarif"), .sarif)
        XCTAssertEqual(LintOutputFormat.inferred(fromPath: "a.sarif.json"), .sarif)
        XCTAssertEqual(LintOutputFormat.inferred(fromPath: "a.json"), .json)
        XCTAssertEqual(LintOutputFormat.inferred(fromPath: "junit.xml"), .junit)
        XCTAssertNil(LintOutputFormat.inferred(fromPath: "report"))
    }
}
