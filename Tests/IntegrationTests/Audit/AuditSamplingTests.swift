import Foundation
import XCTest

/// Drop counters since boot and over a sample interval (Tests/Scenarios/audit-sampling): the
/// syn-drop-diagnosis playbook must tell PAWS drops (tcp_tw_recycle) from accept-queue overflows,
/// and `--sample-interval` must catch the incident's signature while the counters grow.
final class AuditSamplingTests: XCTestCase {
    private static let shared = ClassFleet(scenario: "audit-sampling")
    private static let pawsGrowth: [String: UInt64] = ["PAWSPassive": 3, "ListenDrops": 4]
    private static let queueGrowth: [String: UInt64] = ["ListenOverflows": 5, "ListenDrops": 5]

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    /// Every test starts from the scenario's counters, whatever an earlier test grew.
    override func setUpWithError() throws {
        let fleet = try Self.shared.fleet()
        for host in ["paws-drops", "queue-full"] {
            let scenarioCopy = RepositoryLayout.scenarioDirectory("audit-sampling") + "/\(host)/proc-net/netstat"
            let hostCopy = fleet.procNetPath(of: try fleet.host(named: host)) + "/netstat"
            let text = try String(contentsOfFile: scenarioCopy, encoding: .utf8)
            try text.write(toFile: hostCopy, atomically: true, encoding: .utf8)
        }
    }

    func testSynDropDiagnosisSinceBootTellsPawsFromAcceptQueue() throws {
        let run = try Self.shared.fleet().audit(["--playbook", "syn-drop-diagnosis"])
        XCTAssertEqual(run.status, 1, "a high finding: \(run.stderr)")
        let report = try run.requireReport()
        XCTAssertEqual(report.playbooks, ["syn-drop-diagnosis"])
        XCTAssertNil(report.sampleIntervalSeconds)

        let paws = try run.requireHost("paws-drops")
        assertRules(paws, ["syn-drops-paws-since-boot"])
        let pawsFinding = assertFinding(paws, rule: "syn-drops-paws-since-boot", severity: "high", origins: [])
        XCTAssertEqual(pawsFinding?.playbookID, "syn-drop-diagnosis")
        XCTAssertTrue(pawsFinding?.message.contains("PAWSPassive=1200") ?? false, pawsFinding?.message ?? "")

        let queue = try run.requireHost("queue-full")
        assertRules(queue, ["syn-drops-accept-queue-since-boot", "somaxconn-low"])
        assertFinding(queue, rule: "syn-drops-accept-queue-since-boot", severity: "medium", origins: [])
        let somaxconn = assertFinding(queue, rule: "somaxconn-low", severity: "low", origins: [])
        XCTAssertTrue(somaxconn?.message.contains("net.core.somaxconn=128") ?? false, somaxconn?.message ?? "")
        XCTAssertNil(queue.facts?.counters["PAWSPassive"], "a 5.15 kernel has no PAWSPassive column")
        assertLive(queue, "net.core.somaxconn", "128")
    }

    func testSynDropDiagnosisSampledSeesWhichCauseIsDroppingNow() throws {
        let fleet = try Self.shared.fleet()
        let growers = [
            GrowingNetstat(path: fleet.procNetPath(of: try fleet.host(named: "paws-drops")) + "/netstat", growth: Self.pawsGrowth),
            GrowingNetstat(path: fleet.procNetPath(of: try fleet.host(named: "queue-full")) + "/netstat", growth: Self.queueGrowth),
        ]
        growers.forEach { $0.start() }
        let run = fleet.audit(["--playbook", "syn-drop-diagnosis", "--sample-interval", "2"])
        let rewrites = growers.map { $0.stop() }
        XCTAssertTrue(rewrites.allSatisfy { $0 >= 5 }, "the counters must have grown during the run: \(rewrites)")
        XCTAssertGreaterThanOrEqual(run.seconds, 2, "the probe sleeps the sample interval")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(try run.requireReport().sampleIntervalSeconds, 2)

        let paws = try run.requireHost("paws-drops")
        assertRules(paws, ["syn-drops-paws-now", "syn-drops-paws-since-boot"])
        assertFinding(paws, rule: "syn-drops-paws-now", severity: "critical", origins: [])
        let pawsDeltas = try XCTUnwrap(paws.facts?.deltas)
        XCTAssertGreaterThan(pawsDeltas["PAWSPassive"] ?? 0, 0)
        XCTAssertGreaterThan(pawsDeltas["ListenDrops"] ?? 0, pawsDeltas["ListenOverflows"] ?? 0)
        XCTAssertEqual(paws.facts?.sampleIntervalSeconds, 2)

        let queue = try run.requireHost("queue-full")
        assertRules(queue, ["syn-drops-accept-queue-now", "syn-drops-accept-queue-since-boot", "somaxconn-low"])
        assertFinding(queue, rule: "syn-drops-accept-queue-now", severity: "high", origins: [])
        let queueDeltas = try XCTUnwrap(queue.facts?.deltas)
        XCTAssertGreaterThan(queueDeltas["ListenOverflows"] ?? 0, 0)
        XCTAssertEqual(queueDeltas["ListenDrops"], queueDeltas["ListenOverflows"], "every drop was an overflow")
        XCTAssertNil(queueDeltas["PAWSPassive"])
    }

    func testSampledIncidentSignatureIsCriticalWithEvidence() throws {
        let fleet = try Self.shared.fleet()
        let grower = GrowingNetstat(
            path: fleet.procNetPath(of: try fleet.host(named: "paws-drops")) + "/netstat", growth: Self.pawsGrowth)
        grower.start()
        let run = fleet.audit(["--limit", "paws-drops", "--sample-interval", "2"])
        grower.stop()
        XCTAssertEqual(run.status, 1, run.stderr)
        let host = try run.requireHost("paws-drops")
        assertRules(host, ["tw-recycle-nat", "paws-drops-now"])
        assertFinding(host, rule: "tw-recycle-nat", severity: "critical", origins: ["/etc/sysctl.conf:2"])
        let now = assertFinding(host, rule: "paws-drops-now", severity: "critical", origins: [])
        XCTAssertTrue(now?.message.contains("Over the 2s sample") ?? false, now?.message ?? "")

        let nat = try XCTUnwrap(host.facts?.nat)
        XCTAssertEqual(nat.state, "exposed")
        XCTAssertEqual(nat.evidence.map(\.kind), ["paws-passive-since-boot", "paws-signature-now"])
        let signature = try XCTUnwrap(nat.evidence.last)
        let deltas = try XCTUnwrap(host.facts?.deltas)
        XCTAssertEqual(signature.seconds, 2)
        XCTAssertEqual(signature.pawsPassive, deltas["PAWSPassive"])
        XCTAssertEqual(signature.listenDrops, deltas["ListenDrops"])
        XCTAssertEqual(signature.listenOverflows, 0)
        XCTAssertGreaterThan(signature.pawsPassive ?? 0, 0)
        XCTAssertGreaterThan(host.facts?.counters["PAWSPassive"] ?? 0, 1200, "counters are the last sample's")
    }
}
