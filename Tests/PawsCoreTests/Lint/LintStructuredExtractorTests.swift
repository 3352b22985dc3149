import XCTest

@testable import PawsCore

/// YAML, HCL, Puppet and Dockerfile specifics beyond the corpus.
final class LintStructuredExtractorTests: XCTestCase {
    func testYAMLAnchorsAndDocuments() {
        let text = """
            defaults: &tune
              net.ipv4.tcp_tw_recycle: 1
            ---
            prod:
              <<: *tune
            """
        XCTAssertEqual(LintTestSupport.candidates(text, path: "vars.yml"), ["2:3 tcp_tw_recycle=1 (key-value-map)"])
    }

    func testAliasBombFallsBackToLines() {
        var text = "a: &a [\"net.ipv4.tcp_tw_recycle=1\", \"x\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s"] {
            text += "\(name): &\(name) [*\(previous), *\(previous)]\n"
            previous = name
        }
        let linter = try? LintTestSupport.linter()
        let result = linter?.lint(path: "bomb.yml", bytes: Array(text.utf8))
        XCTAssertEqual(result?.notices.map(\.code), ["yaml-too-large"])
        XCTAssertEqual(result?.findings.map { "\($0.location.line):\($0.location.column ?? 0)" }, ["1:9"])
    }

    func testDuplicateKeysAreBrokenYAMLButStillChecked() throws {
        let text = "- name: a\n  name: b\n  sysctl: name=net.ipv4.tcp_tw_recycle value=1\n"
        let result = try LintTestSupport.linter().lint(path: "site.yml", bytes: Array(text.utf8))
        XCTAssertEqual(result.notices.map(\.code), ["broken-yaml"])
        XCTAssertEqual(result.findings.map(\.location.line), [3])
    }

    func testJSONIsReadAsYAML() {
        let text = #"{"sysctls": [{"name": "net.ipv4.tcp_tw_recycle", "value": "1"}], "x": "net.ipv4.tcp_timestamps=0"}"#
        XCTAssertEqual(LintTestSupport.candidates(text, path: "pod.json"), [
            "1:24 tcp_tw_recycle=1 (kubernetes-sysctls)", "1:72 tcp_timestamps=0 (sysctl-line)",
        ])
    }

    func testTerraformStringsWithInterpolation() {
        let text = #"""
            resource "x" "y" {
              user_data = "#!/bin/sh\nsysctl -w net.ipv4.tcp_tw_recycle=${var.tw}\nsysctl -w net.ipv4.tcp_timestamps=0"
              tags = { Name = "${var.env == "prod" ? "a" : "b"}" }
            }
            """#
        XCTAssertEqual(LintTestSupport.candidates(text, path: "main.tf"), [
            "2:37 tcp_tw_recycle=? (sysctl-command)", "2:82 tcp_timestamps=0 (sysctl-command)",
        ])
    }

    func testPuppetHeredocAndTitlesArrays() {
        let text = """
            file { '/etc/sysctl.d/99.conf':
              content => @(END),
                net.ipv4.tcp_tw_recycle = 1
                | END
            }
            sysctl { 'net.ipv4.tcp_timestamps': value => $ts }
            """
        XCTAssertEqual(LintTestSupport.candidates(text, path: "a.pp"), [
            "3:5 tcp_tw_recycle=1 (sysctl-line)", "6:11 tcp_timestamps=? (puppet-sysctl)",
        ])
    }

    func testDockerfileContinuationAcrossACommentLine() {
        let text = """
            RUN sysctl -w \\
            # a comment Docker drops
                net.ipv4.tcp_tw_recycle=1
            """
        XCTAssertEqual(LintTestSupport.candidates(text, path: "Dockerfile"), ["3:5 tcp_tw_recycle=1 (sysctl-command)"])
    }

    func testGlobLinesInSysctlFiles() throws {
        XCTAssertEqual(LintTestSupport.candidates("net.ipv4.*tw_recycle = 1\n", path: "etc/sysctl.d/1.conf"), [
            "1:1 tcp_tw_recycle=1 (sysctl-line)",
        ])
        XCTAssertEqual(try LintTestSupport.findings("net.ipv4.tcp_*_recycle = 1\nnet.ipv4.tcp_tw_recycle = 0\n", path: "etc/sysctl.d/1.conf"), [
            "1:1 tw-recycle-nat",
        ])
        // A glob that splits the key's last component never passes the prefilter: documented limit.
        XCTAssertEqual(try LintTestSupport.findings("net.ipv4.tcp_tw_rec*cle = 1\n", path: "etc/sysctl.d/1.conf"), [])
    }

    func testProseAboutASettingIsNotTheSetting() throws {
        let text = """
            remediation: Fix every line that sets net.ipv4.tcp_tw_recycle=1 (`pawsguard apply`).
            summary: A server with net.ipv4.tcp_tw_recycle=1 and TCP timestamps on drops SYNs.
            message: + "set net.ipv4.tcp_tw_recycle=1 on the server.")
            note: Complain when net.ipv4.tcp_tw_recycle = 1 is found
            run: sysctl net.ipv4.tcp_tw_recycle=1
            service: ExecStart=/sbin/sysctl -w net.ipv4.tcp_tw_recycle=1
            """
        XCTAssertEqual(try LintTestSupport.findings(text, path: "notes.cfg"), ["5:13 tw-recycle-nat", "6:36 tw-recycle-nat"])
    }
}
