import Foundation
import XCTest

/// One `pawsguard audit` run against a test fleet, with its JSON report decoded when it wrote one.
struct AuditRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let report: AuditReportDocument?
    /// Wall time of the whole process.
    let seconds: Double

    /// The report, or a test failure (with what pawsguard printed) and a thrown error.
    func requireReport(file: StaticString = #filePath, line: UInt = #line) throws -> AuditReportDocument {
        guard let report else {
            XCTFail("no JSON report (status \(status)); stderr: \(stderr)\nstdout: \(stdout.prefix(2000))", file: file, line: line)
            throw AuditRunError.noReport(status: status)
        }
        return report
    }

    /// The host's entry in the report, failing the test when it is missing.
    func requireHost(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> AuditReportDocument.HostEntry
    {
        let report = try requireReport(file: file, line: line)
        guard let host = report.host(name) else {
            XCTFail("host \(name) is not in the report; it has \(report.hosts.map(\.host))", file: file, line: line)
            throw AuditRunError.hostMissing(name)
        }
        return host
    }
}

enum AuditRunError: Error, CustomStringConvertible {
    case noReport(status: Int32)
    case hostMissing(String)

    var description: String {
        switch self {
        case .noReport(let status): return "pawsguard audit wrote no JSON report (exit status \(status))"
        case .hostMissing(let name): return "the report has no host named \(name)"
        }
    }
}

extension TestFleet {
    /// What every command needs to reach this fleet and nothing else: its inventory, its known_hosts,
    /// no ssh-agent and no ~/.ssh/config of the machine running the tests.
    var connectionArguments: [String] {
        ["-i", inventoryPath, "--known-hosts", knownHostsPath, "--no-agent", "--no-ssh-config"]
    }

    /// `pawsguard audit` on this fleet with `arguments` added, JSON on standard output.
    func audit(
        _ arguments: [String] = [], timeout: TimeInterval = 120, file: StaticString = #filePath, line: UInt = #line
    ) -> AuditRun {
        Pawsguard.audit(
            ["audit"] + connectionArguments + ["--format", "json"] + arguments, timeout: timeout, file: file, line: line)
    }
}

extension Pawsguard {
    /// Runs pawsguard with `arguments` and decodes standard output as a JSON audit report when it is one.
    static func audit(
        _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120,
        file: StaticString = #filePath, line: UInt = #line
    ) -> AuditRun {
        let started = Date()
        let result = run(arguments, environment: environment, timeout: timeout, file: file, line: line)
        let seconds = Date().timeIntervalSince(started)
        var report: AuditReportDocument?
        if result.stdout.hasPrefix("{") {
            do {
                report = try AuditReportDocument.decode(result.stdout)
            } catch {
                XCTFail("the JSON report does not match docs/REPORT-SCHEMA.md: \(error)", file: file, line: line)
            }
        }
        return AuditRun(status: result.status, stdout: result.stdout, stderr: result.stderr, report: report, seconds: seconds)
    }
}
