import Foundation

/// Metrics for node_exporter's textfile collector (write to `*.prom` in its directory), so dashboards
/// and alerts can follow the fleet between audits.
///
/// `pawsguard_host_worst_severity` maps severities to numbers so alerts can use thresholds:
/// 0 = audited, no findings; 1 = info; 2 = low; 3 = medium; 4 = high; 5 = critical. A host that could
/// not be audited has no such series (its severity is unknown); `pawsguard_host_up` is 0 for it.
public struct PrometheusReportFormatter: AuditReportFormatter {
    public init() {}

    /// 0 for a host without findings, then 1 (info) … 5 (critical).
    public static func severityLevel(_ severity: Severity?) -> Int {
        severity.map { $0.rank + 1 } ?? 0
    }

    public func render(_ report: AuditReport) -> String {
        let hosts = report.hosts.sorted { ($0.host, $0.address) < ($1.host, $1.address) }
        let audited = hosts.filter { $0.status == .audited }
        var exposition = PrometheusExposition()

        if let timestamp = Self.epochSeconds(report.generatedAt) {
            exposition.family("pawsguard_audit_timestamp_seconds", help: "When the audit ran, in seconds since the Unix epoch.",
                              samples: [([], PrometheusExposition.sampleValue(timestamp))])
        }
        exposition.family("pawsguard_host_up", help: "1 if the host was audited, 0 if it could not be (unreachable, auth, host key, probe).",
                          samples: hosts.map { ([("host", $0.host)], $0.status == .audited ? "1" : "0") })
        exposition.family("pawsguard_host_worst_severity",
                          help: "Worst finding on an audited host: 0 none, 1 info, 2 low, 3 medium, 4 high, 5 critical.",
                          samples: audited.map { ([("host", $0.host)], String(Self.severityLevel($0.worstSeverity))) })
        exposition.family("pawsguard_finding", help: "1 for each rule that holds on a host.",
                          samples: audited.flatMap { host in
                              host.findings.map { ([("host", host.host), ("rule", $0.ruleID), ("severity", $0.severity.rawValue)], "1") }
                          })
        exposition.family("pawsguard_sysctl_live_value", help: "Live /proc/sys value of a numeric sysctl key at audit time.",
                          samples: audited.flatMap { host in
                              sortedKeys(host).compactMap { keyFacts in
                                  keyFacts.live.value.flatMap(PrometheusExposition.numericSampleValue)
                                      .map { ([("host", host.host), ("key", keyFacts.key)], $0) }
                              }
                          })
        exposition.family("pawsguard_sysctl_persisted_value",
                          help: "Numeric value a sysctl applier (procps sysctl --system, systemd-sysctl) would set at next boot.",
                          samples: audited.flatMap { host in
                              sortedKeys(host).flatMap { keyFacts in
                                  [(SysctlApplier.procps, keyFacts.procps), (.systemd, keyFacts.systemd)].compactMap { applier, persisted in
                                      persisted.flatMap { PrometheusExposition.numericSampleValue($0.value) }
                                          .map { ([("host", host.host), ("key", keyFacts.key), ("applier", applier.rawValue)], $0) }
                                  }
                              }
                          })
        // Gauges, not counters: each is one reading written per audit, and a reboot between audits
        // resets it, which rate() over a counter type would misread as a huge increase.
        exposition.family("pawsguard_tcpext_counter", help: "TcpExt counter from /proc/net/netstat since boot, read at audit time.",
                          samples: audited.flatMap { host in
                              (host.facts.map(CounterReading.readings) ?? []).compactMap { reading in
                                  reading.sinceBoot.map { ([("host", host.host), ("counter", reading.name)], String($0)) }
                              }
                          })
        exposition.family("pawsguard_tcpext_delta", help: "Growth of a TcpExt counter over the audit's sample interval.",
                          samples: audited.flatMap { host in
                              (host.facts.map(CounterReading.readings) ?? []).compactMap { reading in
                                  reading.delta.map { ([("host", host.host), ("counter", reading.name)], String($0)) }
                              }
                          })
        exposition.family("pawsguard_tcpext_sample_interval_seconds", help: "Length of the interval pawsguard_tcpext_delta covers.",
                          samples: audited.compactMap { host in
                              guard host.facts?.deltas != nil, let interval = host.facts?.sampleIntervalSeconds ?? report.sampleIntervalSeconds
                              else { return nil }
                              return ([("host", host.host)], String(interval))
                          })
        exposition.family("pawsguard_audit_duration_seconds", help: "Time spent auditing the host, connection included.",
                          samples: hosts.map { ([("host", $0.host)], PrometheusExposition.sampleValue($0.durationSeconds)) })
        return exposition.text
    }

    private func sortedKeys(_ host: HostAudit) -> [KeyFacts] {
        guard let keys = host.facts?.keys else { return [] }
        return keys.keys.sorted().compactMap { keys[$0] }
    }

    /// `2025-06-01T08:00:00Z`, with or without fractional seconds.
    static func epochSeconds(_ iso8601: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: iso8601) { return date.timeIntervalSince1970.rounded() }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: iso8601)?.timeIntervalSince1970
    }
}
