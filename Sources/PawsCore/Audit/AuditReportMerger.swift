/// Joins the JSON reports of several shards (or runs) into one report.
public struct AuditReportMerger: Sendable {
    public init() {}

    /// A host that appears in several reports keeps the entry of the report listed last, so
    /// `merge old.json new.json` refreshes hosts that were audited again.
    public func merge(_ reports: [AuditReport], toolVersion: String, generatedAt: String) -> AuditReport {
        var order: [String] = []
        var latest: [String: HostAudit] = [:]
        var playbooks: [String] = []
        for report in reports {
            for playbook in report.playbooks where !playbooks.contains(playbook) { playbooks.append(playbook) }
            for host in report.hosts {
                if latest[host.host] == nil { order.append(host.host) }
                latest[host.host] = host
            }
        }
        let intervals = Set(reports.map(\.sampleIntervalSeconds))
        return AuditReport(
            toolVersion: toolVersion, generatedAt: generatedAt, playbooks: playbooks,
            sampleIntervalSeconds: intervals.count == 1 ? intervals.first ?? nil : nil,
            hosts: order.compactMap { latest[$0] })
    }
}
