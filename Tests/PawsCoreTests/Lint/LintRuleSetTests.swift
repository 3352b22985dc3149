import XCTest

@testable import PawsCore

final class LintRuleSetTests: XCTestCase {
    private func defaultPlaybook() throws -> Playbook {
        try XCTUnwrap(PlaybookCatalog().builtin(named: PlaybookCatalog.defaultPlaybookID))
    }

    func testRuleIdsAndLevelsComeFromThePlaybook() throws {
        let ruleSet = try LintRuleSet(playbooks: [try defaultPlaybook()], targetKernel: nil)
        XCTAssertEqual(ruleSet.rules.map(\.id), ["tw-recycle-nat", "timestamps-disabled"])
        XCTAssertEqual(ruleSet.rules.map(\.level), [.error, .note])
        XCTAssertEqual(ruleSet.inactiveRules.map(\.id), ["tw-recycle-stale-config"])
        XCTAssertTrue(ruleSet.knownRuleIDs.contains("paws-drops-now"))
        XCTAssertEqual(Set(ruleSet.watchedKeys), [.tcpTwRecycle, .tcpTimestamps])
    }

    func testTargetKernelEnablesTheStaleConfigWarning() throws {
        let text = "net.ipv4.tcp_tw_recycle = 0\nnet.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_tw_recycle = {{ x }}\n"
        XCTAssertEqual(try LintTestSupport.findings(text, path: "etc/sysctl.conf", targetKernel: "5.15"), [
            "1:1 tw-recycle-stale-config", "2:1 tw-recycle-nat", "2:1 tw-recycle-stale-config", "3:1 tw-recycle-stale-config",
        ])
        XCTAssertEqual(try LintTestSupport.findings(text, path: "etc/sysctl.conf", targetKernel: "4.9"), ["2:1 tw-recycle-nat"])
        XCTAssertEqual(try LintTestSupport.findings(text, path: "etc/sysctl.conf", targetKernel: "4.12"), [
            "1:1 tw-recycle-stale-config", "2:1 tw-recycle-nat", "2:1 tw-recycle-stale-config", "3:1 tw-recycle-stale-config",
        ])
    }

    func testPlaybooksWithoutLintChecksAreRefused() throws {
        let diagnosis = try XCTUnwrap(PlaybookCatalog().builtin(named: "syn-drop-diagnosis"))
        XCTAssertThrowsError(try LintRuleSet(playbooks: [diagnosis], targetKernel: nil)) { error in
            XCTAssertEqual(error as? LintConfigurationError, .noLintChecks(playbooks: ["syn-drop-diagnosis"]))
            XCTAssertTrue("\(error)".contains("--playbook"))
        }
    }

    func testACustomPlaybookWatchesItsOwnKeys() throws {
        let yaml = """
            playbook: backlog
            version: 1
            title: small backlog
            summary: x
            collect:
              keys: [net.core.somaxconn]
            rules:
              - id: somaxconn-small
                severity: low
                title: tiny accept queue
                when: {live: net.core.somaxconn, equals: "128"}
                message: small
                lint:
                  key: net.core.somaxconn
                  equals: "128"
                  level: warning
                  message: sets a 128-entry accept queue
            """
        let playbook = try PlaybookLoader().load(yaml: yaml, source: "test")
        let linter = Linter(ruleSet: try LintRuleSet(playbooks: [playbook], targetKernel: nil))
        XCTAssertEqual(linter.prefilter.fragments, ["somaxconn"])
        let result = linter.lint(path: "a.sh", bytes: Array("sysctl -w net.core.somaxconn=128\nsysctl -w net.ipv4.tcp_tw_recycle=1\n".utf8))
        XCTAssertEqual(result.findings.map(\.ruleID), ["somaxconn-small"])
        XCTAssertEqual(result.findings.first?.level, .warning)
    }

    func testDuplicateRuleIdsAcrossPlaybooksAreRefused() throws {
        var copy = try defaultPlaybook()
        copy.id = "copy"
        XCTAssertThrowsError(try LintRuleSet(playbooks: [try defaultPlaybook(), copy], targetKernel: nil)) { error in
            XCTAssertEqual(error as? LintConfigurationError, .duplicateRuleID(id: "tw-recycle-nat", playbooks: ["tcp-tw-recycle-nat", "copy"]))
        }
    }
}
