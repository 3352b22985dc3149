import Foundation
import XCTest

/// What `pawsguard audit` does with bad input (exit status 2, with file:line), and `--local`,
/// which audits this machine with the same probe and rules without SSH. No test fleet needed.
final class AuditInputTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = "\(directory)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testMalformedInventoryExitsTwoNamingFileAndLine() throws {
        let unclosed = try write("unclosed.ini", "# fleet\n[db\nmysql-1 ansible_host=127.0.0.1\n")
        let badPort = try write("port.ini", "[db]\nmysql-1 ansible_host=127.0.0.1\nmysql-2 ansible_port=three-three-oh-six\n")
        let badYAML = try write("fleet.yml", "all:\n  hosts:\n    mysql-1:\n      ansible_port: [1, 2\n")
        for (path, line) in [(unclosed, 2), (badPort, 3)] {
            let run = Pawsguard.run(["audit", "-i", path, "--no-agent"])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("\(path):\(line):"), "stderr must name \(path):\(line): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "no report for an inventory that cannot be read")
        }
        let yaml = Pawsguard.run(["audit", "-i", badYAML, "--no-agent"])
        XCTAssertEqual(yaml.status, 2, yaml.stderr)
        XCTAssertTrue(yaml.stderr.contains("\(badYAML):"), yaml.stderr)
    }

    func testMissingInventoryFileExitsTwo() throws {
        let path = "\(directory)/no-such-inventory.ini"
        let run = Pawsguard.run(["audit", "-i", path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains(path), run.stderr)
    }

    func testPlaybookSchemaErrorExitsTwoNamingFileLineAndField() throws {
        let builtin = try String(
            contentsOfFile: RepositoryLayout.root.appendingPathComponent("playbooks/tcp-tw-recycle-nat.yml").path, encoding: .utf8)
        var lines = builtin.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "severity: medium" })
        lines[index] = lines[index].replacingOccurrences(of: "medium", with: "urgent")
        let playbook = try write("broken-playbook.yml", lines.joined(separator: "\n"))
        let inventory = try write("inventory.ini", "web-1 ansible_host=127.0.0.1\n")

        let run = Pawsguard.run(["audit", "-i", inventory, "--playbook", playbook])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(playbook):\(index + 1):"), "file:line: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains(".severity"), "the field: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("urgent"), "the bad value: \(run.stderr)")

        let unknownKey = try write("typo.yml", builtin.replacingOccurrences(of: "\nrules:\n", with: "\nrulez:\n"))
        let typo = Pawsguard.run(["audit", "-i", inventory, "--playbook", unknownKey])
        XCTAssertEqual(typo.status, 2, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("\(unknownKey):"), typo.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let inventory = try write("inventory.ini", "web-1 ansible_host=127.0.0.1\n")
        let cases: [[String]] = [
            ["audit"],
            ["audit", "-i", inventory, "--local"],
            ["audit", "-i", inventory, "--sample-interval", "0"],
            ["audit", "-i", inventory, "--fail-on", "severe"],
            ["audit", "-i", inventory, "--format", "json", "--format", "html"],
            ["audit", "-i", inventory, "--format", "yaml"],
            ["audit", "-i", inventory, "--playbook", "no-such-playbook"],
        ]
        for arguments in cases {
            let run = Pawsguard.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments.joined(separator: " ")): \(run.stderr)")
            XCTAssertFalse(run.stderr.isEmpty, "\(arguments.joined(separator: " ")) must say what is wrong")
        }
    }

    func testLocalAuditsThisMachineWithTheSameProbe() throws {
        let run = Pawsguard.audit(["audit", "--local", "--format", "json", "--playbook", "tcp-tw-recycle-nat",
                                   "--playbook", "syn-drop-diagnosis"])
        let report = try run.requireReport()
        XCTAssertEqual(report.hosts.count, 1)
        let host = try XCTUnwrap(report.hosts.first)
        XCTAssertEqual(host.status, "audited", host.failure?.message ?? "")
        let release = try String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(host.kernelRelease, release)
        XCTAssertEqual(report.playbooks, ["tcp-tw-recycle-nat", "syn-drop-diagnosis"])

        let timestamps = try String(contentsOfFile: "/proc/sys/net/ipv4/tcp_timestamps", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        assertLive(host, "net.ipv4.tcp_timestamps", timestamps)
        let twRecyclePath = "/proc/sys/net/ipv4/tcp_tw_recycle"
        let twRecycle = FileManager.default.fileExists(atPath: twRecyclePath)
            ? try String(contentsOfFile: twRecyclePath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) : nil
        assertLive(host, "net.ipv4.tcp_tw_recycle", twRecycle)

        let worst = host.findings.first?.severity
        let expectedStatus: Int32 = ["high", "critical"].contains(worst ?? "") ? 1 : 0
        XCTAssertEqual(run.status, expectedStatus, "worst finding \(worst ?? "none"): \(run.stderr)")
    }
}
