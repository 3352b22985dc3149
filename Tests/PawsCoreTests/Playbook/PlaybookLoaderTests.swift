import Foundation
import XCTest
@testable import PawsCore

final class PlaybookLoaderTests: XCTestCase {
    private var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    func testBuiltinCopyMatchesPlaybookFiles() throws {
        let directory = repositoryRoot.appendingPathComponent("playbooks")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yml") }.sorted()
        XCTAssertEqual(BuiltinPlaybooks.files.map(\.name), names, "run `make playbooks`")
        for (name, yaml) in BuiltinPlaybooks.files {
            let onDisk = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(yaml + "\n", onDisk, "built-in copy of \(name) is stale: run `make playbooks`")
        }
    }

    func testBuiltinPlaybooksLoad() throws {
        let playbooks = try PlaybookCatalog().builtins()
        XCTAssertEqual(Set(playbooks.map(\.id)), ["tcp-tw-recycle-nat", "syn-drop-diagnosis"])
        let main = try XCTUnwrap(PlaybookCatalog().builtin(named: "tcp-tw-recycle-nat"))
        XCTAssertEqual(main.keys, ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_timestamps"])
        XCTAssertEqual(main.desired, ["net.ipv4.tcp_tw_recycle": "0"])
        XCTAssertEqual(main.rules.first?.id, "tw-recycle-nat")
        XCTAssertEqual(main.rules.first?.severity, .critical)
        XCTAssertEqual(main.rules.first?.lint?.level, .error)
    }

    private func load(_ yaml: String) throws -> Playbook {
        try PlaybookLoader().load(yaml: yaml, source: "test.yml")
    }

    private let header = """
        playbook: t
        version: 1
        title: T
        collect:
          keys: [net.ipv4.tcp_tw_recycle]

        """

    func testUnknownFieldNamesFileLineAndField() {
        let yaml = header + """
            rules:
              - id: r
                severity: high
                title: R
                wen: {sampled: true}
                message: m
            """
        XCTAssertThrowsError(try load(yaml)) { error in
            XCTAssertEqual("\(error)".prefix(30), "test.yml:10: playbook.rules[0]")
            XCTAssertTrue("\(error)".contains("wen: unknown field"), "\(error)")
        }
    }

    func testBadSeverityAndUncollectedKey() {
        let badSeverity = header + "rules:\n  - {id: r, severity: urgent, title: R, message: m, when: {sampled: true}}\n"
        XCTAssertThrowsError(try load(badSeverity)) { XCTAssertTrue("\($0)".contains("unknown severity 'urgent'"), "\($0)") }
        let uncollected = header + "rules:\n  - {id: r, severity: high, title: R, message: m, when: {live: net.core.somaxconn, equals: '1'}}\n"
        XCTAssertThrowsError(try load(uncollected)) {
            XCTAssertTrue("\($0)".contains("test.yml:7: playbook.rules[0].when.live"), "\($0)")
        }
    }

    func testConditionNeedsExactlyOneSubject() {
        let two = header + "rules:\n  - {id: r, severity: high, title: R, message: m, when: {sampled: true, unreadable_config: true}}\n"
        XCTAssertThrowsError(try load(two)) { XCTAssertTrue("\($0)".contains("exactly one subject"), "\($0)") }
    }

    func testDuplicateRuleID() {
        let yaml = header + """
            rules:
              - {id: r, severity: high, title: R, message: m, when: {sampled: true}}
              - {id: r, severity: low, title: R, message: m, when: {sampled: true}}
            """
        XCTAssertThrowsError(try load(yaml)) { XCTAssertTrue("\($0)".contains("test.yml:8: rule id 'r' is used twice"), "\($0)") }
    }

    func testInvalidYAMLNamesLine() {
        XCTAssertThrowsError(try load("playbook: t\n  version: [1\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("test.yml:"), "\(error)")
        }
    }

    func testConditionTree() throws {
        let yaml = header + """
            rules:
              - id: r
                severity: high
                title: R
                message: m
                when:
                  all:
                    - live: net/ipv4/tcp_tw_recycle
                      equals: "1"
                    - kernel: {from: "4.10", below: "4.12"}
                    - nat: [exposed, unknown]
                    - delta: ListenDrops
                      exceeds_delta: ListenOverflows
                    - not: {counter: PAWSPassive, above: 0}
            """
        let rule = try XCTUnwrap(load(yaml).rules.first)
        XCTAssertEqual(rule.condition, .all([
            .live(key: "net.ipv4.tcp_tw_recycle", .equals("1")),
            .kernel(KernelRange(from: "4.10", below: "4.12")),
            .nat([.exposed, .unknown]),
            .deltaExceeds(name: "ListenDrops", other: "ListenOverflows"),
            .not(.counter(name: "PAWSPassive", NumberTest(above: 0))),
        ]))
    }
}
