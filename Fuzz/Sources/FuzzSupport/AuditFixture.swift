import Foundation
import PawsCore

/// What the audit targets share: the built-in playbooks, the probe request the fleet audit would
/// send for them, and the inventory host the output is attributed to.
public enum AuditFixture {
    /// Fixed so that seeds (written by `scripts/fuzz` from the test scenarios) carry valid headers.
    public static let boundary = "PGB5eed5eed5eed5eed5eed5eed5eed5eed"

    public static let playbooks: [Playbook] = {
        do {
            return try PlaybookCatalog().builtins()
        } catch {
            fatalError("the built-in playbooks do not load: \(error)")
        }
    }()

    public static let factsBuilder = HostFactsBuilder(playbooks: playbooks)

    public static let evaluators = playbooks.map(RuleEvaluator.init)

    /// The keys the built-in playbooks read, as `FleetAudit` asks for them, with two samples.
    public static let request = ProbeRequest(keys: factsBuilder.keys, sampleIntervalSeconds: 5, boundary: boundary)

    public static let host = InventoryHost(
        name: "fuzz", address: "192.0.2.1", natClients: nil, location: SourceLocation(path: "fuzz.ini", line: 1))

    /// Facts and findings for `snapshot`, ordered as `FleetAudit` orders them, as a one-host report.
    public static func audit(_ snapshot: HostSnapshot, host: InventoryHost = host, evaluators: [RuleEvaluator] = evaluators) -> AuditReport {
        let facts = factsBuilder.facts(host: host, snapshot: snapshot)
        let findings = evaluators.flatMap { $0.findings(for: facts) }
        let audit = HostAudit(
            host: host.name, address: host.address, status: .audited, kernelRelease: snapshot.kernelRelease,
            facts: facts, findings: findings)
        return AuditReport(
            toolVersion: "fuzz", generatedAt: "2024-01-01T00:00:00Z", playbooks: evaluators.map(\.playbook.id),
            sampleIntervalSeconds: snapshot.sampleIntervalSeconds, hosts: [audit])
    }

    /// Renders `report` in every format, as `pawsguard audit --format` would.
    public static func renderEveryFormat(_ report: AuditReport) {
        for format in ReportFormat.allCases {
            _ = format.formatter(ruleIDs: evaluators.flatMap { $0.playbook.rules.map(\.id) }).render(report)
        }
    }

    /// Builds the fixtures and runs the whole audit once, so that globals and lazy statics exist
    /// before LeakSanitizer starts watching (see `paws_libfuzzer_main`).
    public static func warmUp() {
        let report = audit(playbookHost)
        renderEveryFormat(report)
        checkJSONRoundTrip(report)
    }

    /// `pawsguard report merge` reads JSON reports back: whatever the audit wrote must survive that.
    public static func checkJSONRoundTrip(_ report: AuditReport) {
        let json = ReportFormat.json.formatter().render(report)
        do {
            let decoded = try AuditReportDecoder.decode(data: Data(json.utf8), source: "fuzz.json")
            require(decoded == report, "the JSON report does not read back as the report that was written")
        } catch {
            fatalError("the JSON report does not read back: \(error)")
        }
    }

    /// A host at risk on every count, for evaluating fuzzed playbooks: tw_recycle on live and at
    /// boot under both appliers, timestamps on, a 3.10 kernel, PAWS drops between two samples.
    public static let playbookHost = HostSnapshot(
        kernelRelease: "3.10.0-1160.el7.x86_64", hostname: "db1",
        osRelease: "NAME=\"CentOS Linux\"\nVERSION_ID=\"7\"\nID=centos\n",
        live: ["net.ipv4.tcp_tw_recycle": .value("1"), "net.ipv4.tcp_timestamps": .value("1"), "net.ipv4.tcp_tw_reuse": .absent],
        configFiles: [
            ProbedFile(path: "/etc/sysctl.d/99-sysctl.conf", symlinkTarget: "../sysctl.conf", content: .bytes(Array("net.ipv4.tcp_tw_recycle = 1\n".utf8))),
            ProbedFile(path: "/etc/sysctl.d/50-tuning.conf", content: .bytes(Array("net.ipv4.tcp_tw_recycle=0\n-net/ipv4/tcp_timestamps = 1\n".utf8))),
            ProbedFile(path: "/etc/sysctl.conf", content: .bytes(Array("net.ipv4.tcp_tw_recycle = 1\n".utf8))),
            ProbedFile(path: "/etc/sysctl.d/60-secret.conf", content: .unreadable),
        ],
        netstatSamples: [
            .text("TcpExt: PAWSPassive ListenOverflows ListenDrops\nTcpExt: 10 0 10\n"),
            .text("TcpExt: PAWSPassive ListenOverflows ListenDrops\nTcpExt: 25 0 25\n"),
        ],
        sampleIntervalSeconds: 5,
        tcp: .text("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100000A:0CEA 0200000A:C350 01 00000000:00000000 00:00000000 00000000   999        0 1 1 0 20 4 30 10 -1\n"),
        tcp6: .absent)
}
