import Foundation
import XCTest

/// How `pawsguard audit` behaves across a fleet with broken hosts (Tests/Scenarios/audit-failures):
/// exit statuses, --limit, every report format from one run, and hosts that fail in different ways
/// without stopping the others.
final class AuditFleetBehaviourTests: XCTestCase {
    private static let shared = ClassFleet(scenario: "audit-failures")
    private let upHosts: Set<String> = ["db-critical", "web-clean", "web-stale", "garbled"]

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testFleetCarriesOnPastUnreachableAndBlackholedHosts() throws {
        let run = try Self.shared.fleet().audit(["--connect-timeout", "2"])
        XCTAssertEqual(run.status, 1, "a critical finding outranks failed hosts: \(run.stderr)")
        let report = try run.requireReport()
        XCTAssertEqual(Set(report.hosts.map(\.host)), upHosts.union(["down", "blackhole"]))
        for name in upHosts {
            XCTAssertEqual(try run.requireHost(name).status, "audited", name)
        }
        XCTAssertEqual(try run.requireHost("down").failure?.kind, "unreachable")
        XCTAssertEqual(try run.requireHost("blackhole").failure?.kind, "timeout")
        assertFinding(try run.requireHost("db-critical"), rule: "tw-recycle-nat", severity: "critical", origins: ["/etc/sysctl.conf:1"])
        assertRules(try run.requireHost("web-clean"), [])
        XCTAssertLessThan(run.seconds, 2 + 4, "hosts are audited at once: the black hole costs one connect timeout")
        XCTAssertEqual(report.summary.failed, 2)
        XCTAssertEqual(report.summary.audited, 4)
    }

    func testExitStatusFollowsTheWorstFindingAndFailures() throws {
        let fleet = try Self.shared.fleet()
        let cases: [(arguments: [String], status: Int32, why: String)] = [
            (["--limit", "web-clean"], 0, "a clean host"),
            (["--limit", "web-stale"], 0, "a medium finding is below the default --fail-on high"),
            (["--limit", "web-stale", "--fail-on", "medium"], 1, "--fail-on medium"),
            (["--limit", "db-critical"], 1, "a critical finding"),
            (["--limit", "db-critical", "--fail-on", "critical"], 1, "critical is at --fail-on critical"),
            (["--limit", "down"], 3, "only a failed host"),
            (["--limit", "web-clean,down"], 3, "a failed host and nothing at --fail-on"),
            (["--limit", "db-critical,down"], 1, "a critical finding outranks a failed host"),
        ]
        for item in cases {
            let run = fleet.audit(item.arguments)
            XCTAssertEqual(run.status, item.status, "\(item.why) (\(item.arguments.joined(separator: " "))): \(run.stderr)")
            XCTAssertNotNil(run.report, "\(item.why): a report is written whatever the exit status")
        }
    }

    func testLimitSelectsHostsByNameGroupGlobAndExclusion() throws {
        let fleet = try Self.shared.fleet()
        let cases: [(pattern: String, hosts: Set<String>)] = [
            ("web", ["web-clean", "web-stale"]),
            ("db-critical", ["db-critical"]),
            ("web-*", ["web-clean", "web-stale"]),
            ("all:!broken", ["db-critical", "web-clean", "web-stale"]),
            ("mysql,web-clean", ["db-critical", "web-clean"]),
        ]
        for item in cases {
            let run = fleet.audit(["--limit", item.pattern])
            XCTAssertEqual(Set(try run.requireReport().hosts.map(\.host)), item.hosts, "--limit \(item.pattern)")
        }
        let none = fleet.audit(["--limit", "no-such-host"])
        XCTAssertEqual(none.status, 2, "an empty selection is an input error")
        XCTAssertTrue(none.stderr.contains("no-such-host"), none.stderr)
    }

    func testEveryReportFormatFromOneRun() throws {
        let fleet = try Self.shared.fleet()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = ["json": "a.json", "html": "a.html", "junit": "a.xml", "prometheus": "a.prom", "markdown": "a.md"]
        var arguments = ["audit"] + fleet.connectionArguments + ["--limit", "db-critical,web-clean,down"]
        for format in ["json", "html", "junit", "prometheus", "markdown"] {
            arguments += ["--format", format, "-o", "\(directory)/\(files[format] ?? "")"]
        }
        let run = Pawsguard.run(arguments)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "", "every report went to its file")

        func read(_ format: String) throws -> String {
            try String(contentsOfFile: "\(directory)/\(files[format] ?? "")", encoding: .utf8)
        }
        let report = try AuditReportDocument.decode(try read("json"))
        XCTAssertEqual(Set(report.hosts.map(\.host)), ["db-critical", "web-clean", "down"])
        XCTAssertEqual(report.host("db-critical")?.findings.first?.ruleID, "tw-recycle-nat")

        let html = try read("html")
        XCTAssertTrue(html.lowercased().hasPrefix("<!doctype html"), String(html.prefix(80)))
        for needle in ["db-critical", "web-clean", "down", "tw-recycle-nat", "unreachable"] {
            XCTAssertTrue(html.contains(needle), "HTML report lacks \(needle)")
        }
        XCTAssertFalse(html.contains("<script src") || html.contains("<link rel=\"stylesheet\""), "self-contained")

        let junit = try read("junit")
        XCTAssertTrue(junit.contains("<testsuite"), junit)
        XCTAssertTrue(junit.contains(#"classname="db-critical" name="tw-recycle-nat""#), junit)
        XCTAssertTrue(junit.contains(#"<failure type="critical""#), junit)
        XCTAssertTrue(junit.contains(#"<error type="unreachable""#), junit)

        let prometheus = try read("prometheus")
        for line in [
            #"pawsguard_host_up{host="db-critical"} 1"#, #"pawsguard_host_up{host="down"} 0"#,
            #"pawsguard_host_worst_severity{host="db-critical"} 5"#, #"pawsguard_host_worst_severity{host="web-clean"} 0"#,
            #"pawsguard_finding{host="db-critical",rule="tw-recycle-nat",severity="critical"} 1"#,
            #"pawsguard_sysctl_live_value{host="db-critical",key="net.ipv4.tcp_tw_recycle"} 1"#,
        ] {
            XCTAssertTrue(prometheus.split(separator: "\n").contains(Substring(line)), "Prometheus lacks `\(line)`:\n\(prometheus)")
        }

        let markdown = try read("markdown")
        for needle in ["db-critical", "tw-recycle-nat", "down", "/etc/sysctl.conf:1"] {
            XCTAssertTrue(markdown.contains(needle), "Markdown report lacks \(needle)")
        }
    }

    func testGarbageInsteadOfProbeOutputFailsOnlyThatHost() throws {
        let fleet = try Self.shared.fleet()
        let garbled = try fleet.host(named: "garbled")
        let variants: [(script: String, expectedInMessage: String)] = [
            ("echo 'Welcome to the jungle'; echo 'this is not a probe'", "Welcome to the jungle"),
            (#"/bin/sh "$@" | head -c 150"#, "ended before its end marker"),
            ("echo 'sh: cannot execute' >&2; exit 126", "status 126: sh: cannot execute"),
        ]
        for variant in variants {
            try replaceShell(on: garbled, in: fleet, with: variant.script)
            defer { try? restoreShell(on: garbled, in: fleet) }
            let run = fleet.audit(["--limit", "garbled,web-clean"])
            XCTAssertEqual(run.status, 3, "\(variant.script): \(run.stderr)")
            let host = try run.requireHost("garbled")
            XCTAssertEqual(host.status, "failed", variant.script)
            XCTAssertEqual(host.failure?.kind, "probe-failed", variant.script)
            XCTAssertTrue(
                host.failure?.message.contains(variant.expectedInMessage) ?? false,
                "\(variant.script): \(host.failure?.message ?? "no failure")")
            XCTAssertEqual(try run.requireHost("web-clean").status, "audited")
        }
        let healthy = fleet.audit(["--limit", "garbled"])
        XCTAssertEqual(try healthy.requireHost("garbled").status, "audited", "the host's own sh is back")
    }

    // MARK: helpers

    /// Puts an `sh` first in sshd's PATH on the host (its /usr is an overlay: the machine's is untouched),
    /// so the probe's `sh -s` runs `script` instead.
    private func replaceShell(on host: FleetHost, in fleet: TestFleet, with script: String) throws {
        let path = fleet.rootPath(of: host) + "/usr/local/bin/sh"
        try "#!/bin/sh\n\(script)\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o755), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/usr/local/bin/sh"), "must stay inside the host")
    }

    private func restoreShell(on host: FleetHost, in fleet: TestFleet) throws {
        try FileManager.default.removeItem(atPath: fleet.rootPath(of: host) + "/usr/local/bin/sh")
    }

    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-reports-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
