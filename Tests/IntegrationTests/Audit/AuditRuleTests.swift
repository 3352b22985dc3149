import Foundation
import XCTest

/// Every rule of playbooks/tcp-tw-recycle-nat.yml against a real host built to trigger it
/// (Tests/Scenarios/audit-rules, one host per case; see its README.md): `pawsguard audit --format json`
/// must name the rule, its severity and the configuration lines behind it.
final class AuditRuleTests: XCTestCase {
    private static let shared = ClassFleet(scenario: "audit-rules")
    private let twRecycle = "net.ipv4.tcp_tw_recycle"

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    private func audit(_ host: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws
        -> AuditReportDocument.HostEntry
    {
        let run = try Self.shared.fleet().audit(["--limit", host] + extra, file: file, line: line)
        return try run.requireHost(host, file: file, line: line)
    }

    // MARK: live tcp_tw_recycle=1

    func testOldKernelWithDeclaredNatClientsIsCritical() throws {
        let host = try audit("el7-nat")
        assertRules(host, ["tw-recycle-nat"])
        assertFinding(host, rule: "tw-recycle-nat", severity: "critical", origins: ["/etc/sysctl.conf:12"])
        XCTAssertEqual(host.kernelRelease, "3.10.0-1160.el7.x86_64")
        XCTAssertEqual(host.operatingSystem, "CentOS Linux 7 (Core)")
        assertLive(host, twRecycle, "1")
        assertLive(host, "net.ipv4.tcp_timestamps", "1")
        assertPersisted(host, twRecycle, applier: "procps", value: "1", origin: "/etc/sysctl.conf:12")
        assertPersisted(host, twRecycle, applier: "systemd", value: "1", origin: "/etc/sysctl.d/99-sysctl.conf:12")
        XCTAssertEqual(host.facts?.nat.state, "exposed")
        XCTAssertEqual(host.facts?.nat.evidence.map(\.kind), ["declared"])
        XCTAssertEqual(host.facts?.nat.evidence.first?.natClients, true)
    }

    func testOldKernelWithoutNatDeclarationIsHigh() throws {
        let host = try audit("el7-no-nat")
        assertRules(host, ["tw-recycle-enabled"])
        assertFinding(host, rule: "tw-recycle-enabled", severity: "high", origins: ["/etc/sysctl.d/50-tuning.conf:3"])
        XCTAssertEqual(host.facts?.nat.state, "unknown")
        XCTAssertEqual(host.facts?.nat.evidence.count, 0)
    }

    func testKernel411IsCriticalEvenWithoutNat() throws {
        let host = try audit("k411")
        assertRules(host, ["tw-recycle-randomized-timestamps"])
        assertFinding(
            host, rule: "tw-recycle-randomized-timestamps", severity: "critical", origins: ["/etc/sysctl.d/60-net.conf:2"])
        XCTAssertEqual(host.facts?.nat.state, "unknown")
    }

    func testTimestampsOffIsOnlyANoteEvenWithTwRecycleAndNat() throws {
        let host = try audit("timestamps-off")
        assertRules(host, ["timestamps-disabled"])
        assertFinding(host, rule: "timestamps-disabled", severity: "info", origins: ["/etc/sysctl.conf:3"])
        XCTAssertEqual(host.facts?.nat.state, "exposed", "NAT is declared; PAWS being off is what makes it harmless")
        assertLive(host, twRecycle, "1")
        assertLive(host, "net.ipv4.tcp_timestamps", "0")
    }

    // MARK: NAT evidence the host shows by itself

    func testEstablishedPeersInNatSourcesExposeTheHost() throws {
        let host = try audit("nat-peers")
        assertRules(host, ["tw-recycle-nat"])
        let finding = assertFinding(
            host, rule: "tw-recycle-nat", severity: "critical", origins: ["/etc/sysctl.d/50-mysql.conf:1"])
        XCTAssertEqual(host.facts?.nat.state, "exposed")
        let evidence = try XCTUnwrap(host.facts?.nat.evidence)
        XCTAssertEqual(evidence.map(\.kind), ["peers-in-nat-sources"], "no nat_clients declaration, only what the host shows")
        XCTAssertEqual(evidence.first?.peers, 3, "two connections from 10.244.2.7, one from 10.244.1.5")
        XCTAssertEqual(Set(evidence.first?.addresses ?? []), ["10.244.1.5", "10.244.2.7"], "192.168.11.9 is outside nat_sources")
        XCTAssertEqual(evidence.first?.networks, ["10.244.0.0/16"])
        XCTAssertTrue(finding?.message.contains("10.244.0.0/16") ?? false, finding?.message ?? "")
    }

    func testPawsPassiveSinceBootExposesTheHost() throws {
        let host = try audit("paws-since-boot")
        assertRules(host, ["tw-recycle-nat"])
        assertFinding(host, rule: "tw-recycle-nat", severity: "critical", origins: ["/etc/sysctl.conf:1"])
        let evidence = try XCTUnwrap(host.facts?.nat.evidence)
        XCTAssertEqual(evidence.map(\.kind), ["paws-passive-since-boot"])
        XCTAssertEqual(evidence.first?.pawsPassive, 1200)
        XCTAssertEqual(host.facts?.counters["PAWSPassive"], 1200)
        XCTAssertEqual(host.facts?.counters["ListenDrops"], 1300)
        XCTAssertNil(host.facts?.deltas, "no --sample-interval, no deltas")
    }

    // MARK: the boot configuration

    func testStaleLineOnModernKernelNamesItsFileAndLine() throws {
        let host = try audit("stale-focal")
        assertRules(host, ["tw-recycle-stale-config"])
        assertFinding(host, rule: "tw-recycle-stale-config", severity: "medium", origins: ["/etc/sysctl.d/60-tuning.conf:4"])
        assertLive(host, twRecycle, nil)
    }

    func testDropInThatOnlySystemdHonoursStillSwitchesItOnAtBootUnderProcps() throws {
        let host = try audit("split-appliers")
        assertRules(host, ["tw-recycle-at-boot", "appliers-disagree"])
        let bothLines = ["/etc/sysctl.conf:5", "/etc/sysctl.d/10-fix.conf:2"]
        assertFinding(host, rule: "tw-recycle-at-boot", severity: "high", origins: bothLines)
        assertFinding(host, rule: "appliers-disagree", severity: "low", origins: bothLines)
        assertPersisted(host, twRecycle, applier: "procps", value: "1", origin: "/etc/sysctl.conf:5")
        assertPersisted(host, twRecycle, applier: "systemd", value: "0", origin: "/etc/sysctl.d/10-fix.conf:2")
        assertLive(host, twRecycle, "0")
    }

    func testLiveValueDriftingFromTheConfiguration() throws {
        let host = try audit("drift")
        assertRules(host, ["tw-recycle-enabled", "tw-recycle-drift"])
        assertFinding(host, rule: "tw-recycle-drift", severity: "medium", origins: ["/etc/sysctl.conf:3"])
        assertFinding(host, rule: "tw-recycle-enabled", severity: "high", origins: ["/etc/sysctl.conf:3"])
        assertPersisted(host, twRecycle, applier: "procps", value: "0", origin: "/etc/sysctl.conf:3")
        assertLive(host, twRecycle, "1")
    }

    func testSlashSeparatedKeyIsTheSameKey() throws {
        let host = try audit("slash-keys")
        assertRules(host, ["tw-recycle-at-boot"])
        assertFinding(host, rule: "tw-recycle-at-boot", severity: "high", origins: ["/etc/sysctl.d/70-slash.conf:2"])
        assertPersisted(host, twRecycle, applier: "procps", value: "1", origin: "/etc/sysctl.d/70-slash.conf:2")
        assertPersisted(host, twRecycle, applier: "systemd", value: "1", origin: "/etc/sysctl.d/70-slash.conf:2")
    }

    func testSymlinked99SysctlConfIsReportedAsTheRealFileItLeadsTo() throws {
        let host = try audit("symlink-99")
        assertRules(host, ["tw-recycle-at-boot"])
        // One line, reached by procps directly and by systemd through 99-sysctl.conf -> ../sysctl.conf:
        // the finding names the file to edit, once.
        assertFinding(host, rule: "tw-recycle-at-boot", severity: "high", origins: ["/etc/sysctl.conf:7"])
        assertPersisted(host, twRecycle, applier: "procps", value: "1", origin: "/etc/sysctl.conf:7")
        // REPORT-SCHEMA.md: a location is the path "as the applier sees it".
        assertPersisted(host, twRecycle, applier: "systemd", value: "1", origin: "/etc/sysctl.d/99-sysctl.conf:7")
        let assignments = try XCTUnwrap(host.key(twRecycle)?.assignments)
        XCTAssertEqual(assignments.map(\.location.description), ["/etc/sysctl.conf:7"])
        XCTAssertEqual(
            assignments.first?.effectiveUnder, ["procps", "systemd"],
            "the line wins under both appliers (systemd reads it through the symlink)")
    }

    func testCRLFFileValuesCarryNoCarriageReturn() throws {
        let host = try audit("crlf")
        assertRules(host, ["tw-recycle-at-boot"])
        assertFinding(host, rule: "tw-recycle-at-boot", severity: "high", origins: ["/etc/sysctl.d/80-crlf.conf:3"])
        assertPersisted(host, twRecycle, applier: "procps", value: "1", origin: "/etc/sysctl.d/80-crlf.conf:3")
        assertPersisted(host, twRecycle, applier: "systemd", value: "1", origin: "/etc/sysctl.d/80-crlf.conf:3")
    }

    func testDashPrefixedLineCountsAndIsMarkedIgnoreFailure() throws {
        let host = try audit("dash-prefix")
        assertRules(host, ["tw-recycle-at-boot"])
        assertFinding(host, rule: "tw-recycle-at-boot", severity: "high", origins: ["/etc/sysctl.d/85-optional.conf:2"])
        let assignments = try XCTUnwrap(host.key(twRecycle)?.assignments)
        XCTAssertEqual(assignments.map(\.ignoreFailure), [true])
        XCTAssertEqual(assignments.map(\.value), ["1"])
    }

    // MARK: unreadable configuration

    func testModeZeroFileIsStillReadByRoot() throws {
        let host = try audit("unreadable")
        assertRules(host, ["tw-recycle-stale-config"])
        assertFinding(
            host, rule: "tw-recycle-stale-config", severity: "medium", origins: ["/etc/sysctl.d/50-secret.conf:2"])
        XCTAssertEqual(host.facts?.unreadableFiles, [])
    }

    func testNonRootAuditReportsTheFileItCannotRead() throws {
        let fleet = try Self.shared.fleet()
        let user = try addUnprivilegedUser(to: fleet.host(named: "unreadable"), in: fleet)
        let host = try audit("unreadable", ["--user", user])
        assertRules(host, ["config-unreadable"])
        let finding = assertFinding(host, rule: "config-unreadable", severity: "low", origins: [])
        XCTAssertTrue(finding?.message.contains("/etc/sysctl.d/50-secret.conf") ?? false, finding?.message ?? "")
        XCTAssertEqual(host.facts?.unreadableFiles, ["/etc/sysctl.d/50-secret.conf"])
        assertLive(host, "net.ipv4.tcp_timestamps", "1")
        assertLive(host, twRecycle, nil)
    }

    // MARK: the whole fleet

    func testCleanHostHasNoFindingsAndExitsZero() throws {
        let run = try Self.shared.fleet().audit(["--limit", "clean"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let host = try run.requireHost("clean")
        XCTAssertEqual(host.status, "audited")
        assertRules(host, [])
        assertLive(host, twRecycle, nil)
        XCTAssertNil(host.key(twRecycle)?.procps)
        XCTAssertNil(host.key(twRecycle)?.systemd)
        XCTAssertEqual(try run.requireReport().summary.clean, 1)
    }

    func testWholeFleetOneRunEveryHostJudgedAndTheClosedOneReported() throws {
        let run = try Self.shared.fleet().audit()
        XCTAssertEqual(run.status, 1, "critical findings: exit 1, even with a failed host; stderr: \(run.stderr)")
        let report = try run.requireReport()
        XCTAssertEqual(report.schemaVersion, 1)
        XCTAssertEqual(report.tool, "pawsguard")
        XCTAssertEqual(report.playbooks, ["tcp-tw-recycle-nat"])
        let expectedWorst: [String: String?] = [
            "el7-nat": "critical", "k411": "critical", "nat-peers": "critical", "paws-since-boot": "critical",
            "el7-no-nat": "high", "split-appliers": "high", "drift": "high", "slash-keys": "high", "symlink-99": "high",
            "crlf": "high", "dash-prefix": "high", "stale-focal": "medium", "unreadable": "medium",
            "timestamps-off": "info", "clean": nil,
        ]
        for (name, worst) in expectedWorst {
            let host = try run.requireHost(name)
            XCTAssertEqual(host.status, "audited", "\(name): \(host.failure?.message ?? "")")
            XCTAssertEqual(host.findings.first?.severity, worst, name)
        }
        let closed = try run.requireHost("closed")
        XCTAssertEqual(closed.status, "failed")
        XCTAssertEqual(closed.failure?.kind, "unreachable")
        XCTAssertNil(closed.facts)
        XCTAssertEqual(report.summary.hosts, 16)
        XCTAssertEqual(report.summary.audited, 15)
        XCTAssertEqual(report.summary.failed, 1)
        XCTAssertEqual(report.summary.clean, 1)
        XCTAssertEqual(report.summary.hostsBySeverity, ["critical": 4, "high": 7, "medium": 2, "info": 1])
    }

    /// Adds `pgaudit` (uid 4242, shell /bin/sh) to the host's own /etc/passwd. The host's /etc is an
    /// overlay in its mount namespace, so the machine's /etc/passwd never changes; the fleet's sshd
    /// accepts the fleet's client key for any user (AuthorizedKeysFile in the state folder).
    private func addUnprivilegedUser(to host: FleetHost, in fleet: TestFleet) throws -> String {
        let user = "pgaudit"
        let passwd = fleet.rootPath(of: host) + "/etc/passwd"
        let current = try String(contentsOfFile: passwd, encoding: .utf8)
        if !current.split(separator: "\n").contains(where: { $0.hasPrefix(user + ":") }) {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: passwd))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\(user):x:4242:4242:pawsguard audit test:/tmp:/bin/sh\n".utf8))
        }
        let check = try fleet.ssh(host, "id -u; cat /etc/sysctl.d/50-secret.conf", extraOptions: ["-l", user])
        XCTAssertEqual(check.stdout, "4242\n", "the audit user must not be root: \(check.stderr)")
        XCTAssertTrue(check.stderr.contains("Permission denied"), "mode 000 must stop the audit user: \(check.stderr)")
        return user
    }
}
