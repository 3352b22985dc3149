import Foundation
@testable import PawsCore

/// The audit core as `FleetAudit` runs it after a probe: facts, every built-in rule, every report
/// format. Hostile snapshots go through all of it.
enum HostileAudit {
    static func audit(_ snapshot: HostSnapshot) -> AuditReport {
        // A built-in playbook that does not load is a build defect that other tests report.
        let playbooks = (try? PlaybookCatalog().builtins()) ?? []
        let host = InventoryHost(name: "db1", address: "192.0.2.7", location: SourceLocation(path: "hostile.ini", line: 1))
        let facts = HostFactsBuilder(playbooks: playbooks).facts(host: host, snapshot: snapshot)
        let findings = playbooks.map(RuleEvaluator.init).flatMap { $0.findings(for: facts) }
        let report = AuditReport(
            toolVersion: "test", generatedAt: "2024-01-01T00:00:00Z", playbooks: playbooks.map(\.id),
            hosts: [HostAudit(host: host.name, address: host.address, status: .audited, kernelRelease: snapshot.kernelRelease, facts: facts, findings: findings)])
        for format in ReportFormat.allCases {
            _ = format.formatter().render(report)
        }
        return report
    }
}
