@testable import PawsCore

/// A hand-built fleet covering every shape a report must render: the incident host, a 4.12+ host with
/// a stale line, a clean host, unreachable hosts, and a host whose values try to break out of every format.
enum SampleAuditReport {
    static let hostileName = "evil<script>alert(\"x\")</script>|db 'q'\nnext&amp;"
    static let hostilePath = "/etc/sysctl.d/<script>|\"x\".conf"
    static let hostileValue = "1 # <img src=x onerror=alert(1)> | *bold* `tick` \u{1B}[31mred\u{07}"

    static let twRecycle = "net.ipv4.tcp_tw_recycle"
    static let timestamps = "net.ipv4.tcp_timestamps"

    static let ruleIDs = [
        "tw-recycle-nat", "tw-recycle-randomized-timestamps", "tw-recycle-enabled", "tw-recycle-at-boot",
        "tw-recycle-stale-config", "tw-recycle-drift", "appliers-disagree", "paws-drops-now", "timestamps-disabled",
        "config-unreadable",
    ]

    static func make() -> AuditReport {
        AuditReport(
            toolVersion: "0.1.0", generatedAt: "2025-06-01T08:00:00Z", playbooks: ["tcp-tw-recycle-nat"],
            sampleIntervalSeconds: 10,
            hosts: [clean, staleConfig, unreachableHostKey, incident, hostile, timedOut])
    }

    static let incident: HostAudit = {
        let sysctlConf = SourceLocation(path: "/etc/sysctl.conf", line: 12)
        let systemdLink = SourceLocation(path: "/etc/sysctl.d/99-sysctl.conf", line: 12)
        let dropIn = SourceLocation(path: "/etc/sysctl.d/55-tcp-tw-recycle.conf", line: 1)
        let facts = HostFacts(
            host: "db-incident-01", kernelRelease: "3.10.0-1160.el7.x86_64",
            keys: [
                twRecycle: KeyFacts(
                    key: twRecycle, live: .value("1"),
                    procps: PersistedValue(value: "1", origin: sysctlConf),
                    systemd: PersistedValue(value: "1", origin: systemdLink),
                    assignments: [
                        ConfigAssignment(location: dropIn, value: "0"),
                        ConfigAssignment(location: sysctlConf, value: "1", effectiveUnder: [.procps]),
                        ConfigAssignment(location: systemdLink, value: "1", effectiveUnder: [.systemd]),
                    ]),
                timestamps: KeyFacts(key: timestamps, live: .value("1")),
            ],
            counters: ["PAWSPassive": 173_495, "ListenDrops": 173_495, "ListenOverflows": 0, "TWRecycled": 2_113, "PAWSEstab": 12],
            deltas: ["PAWSPassive": 37, "ListenDrops": 41, "ListenOverflows": 0],
            sampleIntervalSeconds: 10,
            nat: NatAssessment(state: .exposed, evidence: [
                .declared(true),
                .pawsSignatureNow(pawsPassive: 37, listenDrops: 41, listenOverflows: 0, seconds: 10),
                .peersInNatSources(peers: 12, addresses: ["10.244.1.0", "10.244.2.0", "10.244.3.0", "10.244.4.0"], networks: ["10.244.0.0/16"]),
            ]))
        return HostAudit(
            host: "db-incident-01", address: "10.0.0.5", status: .audited, kernelRelease: "3.10.0-1160.el7.x86_64",
            operatingSystem: "CentOS Linux 7 (Core)", facts: facts,
            findings: [
                Finding(ruleID: "tw-recycle-nat", playbookID: "tcp-tw-recycle-nat", severity: .critical,
                        title: "tcp_tw_recycle is dropping SYNs from clients behind NAT",
                        message: "Live tcp_tw_recycle=1 with tcp_timestamps=1 on kernel 3.10.0-1160.el7.x86_64, and the host serves clients behind NAT (declared in inventory (nat_clients=true)). Its per-peer PAWS check silently drops SYNs whose timestamp is older than the last one seen from the same address: connections from NAT clients hang at random.",
                        remediation: "Set net.ipv4.tcp_tw_recycle=0 live and in every configuration line that sets it (`pawsguard apply --dry-run` shows the exact edits).",
                        origins: [sysctlConf, systemdLink],
                        references: ["https://git.kernel.org/linus/4396e46187ca5070219b81773c4e65088dac50cc"]),
                Finding(ruleID: "paws-drops-now", playbookID: "tcp-tw-recycle-nat", severity: .critical,
                        title: "PAWS is rejecting SYNs right now",
                        message: "Over the 10s sample, PAWSPassive grew by 37 and ListenDrops by 41 while ListenOverflows grew by 0.",
                        remediation: "Set net.ipv4.tcp_tw_recycle=0 now (`pawsguard apply --limit db-incident-01`)."),
            ],
            durationSeconds: 0.412)
    }()

    static let staleConfig: HostAudit = {
        let stale = SourceLocation(path: "/etc/sysctl.d/10-tuning.conf", line: 4)
        let facts = HostFacts(
            host: "web-412", kernelRelease: "5.10.0-28-amd64",
            keys: [
                twRecycle: KeyFacts(key: twRecycle, live: .absent,
                                    procps: PersistedValue(value: "1", origin: stale),
                                    systemd: PersistedValue(value: "1", origin: stale),
                                    assignments: [ConfigAssignment(location: stale, value: "1", effectiveUnder: [.procps, .systemd])]),
                timestamps: KeyFacts(key: timestamps, live: .value("1")),
            ],
            counters: ["ListenDrops": 3, "ListenOverflows": 3],
            nat: NatAssessment(state: .unknown, evidence: []))
        return HostAudit(
            host: "web-412", address: "10.0.0.6", status: .audited, kernelRelease: "5.10.0-28-amd64",
            operatingSystem: "Debian GNU/Linux 11 (bullseye)", facts: facts,
            findings: [Finding(ruleID: "tw-recycle-stale-config", playbookID: "tcp-tw-recycle-nat", severity: .medium,
                               title: "stale tcp_tw_recycle line makes `sysctl -p` fail on this kernel",
                               message: "Kernel 5.10.0-28-amd64 has no net.ipv4.tcp_tw_recycle (removed in 4.12), yet a configuration file sets it.",
                               remediation: "Remove (comment out) the line.", origins: [stale])],
            durationSeconds: 0.2)
    }()

    static let clean = HostAudit(
        host: "cache-01", address: "10.0.0.7", status: .audited, kernelRelease: "6.1.0-18-amd64",
        operatingSystem: "Debian GNU/Linux 12 (bookworm)",
        facts: HostFacts(host: "cache-01", kernelRelease: "6.1.0-18-amd64",
                         keys: [twRecycle: KeyFacts(key: twRecycle, live: .absent),
                                timestamps: KeyFacts(key: timestamps, live: .value("1"))],
                         counters: ["ListenDrops": 0, "ListenOverflows": 0],
                         nat: NatAssessment(state: .notExposed, evidence: [.declared(false)])),
        durationSeconds: 0.15)

    static let unreachableHostKey = HostAudit.failed(
        host: "bastion-02", address: "10.0.0.9",
        failure: HostFailure(kind: .hostKeyChanged, message: "host key for 10.0.0.9 does not match known_hosts:3; verify the new key and update known_hosts"),
        durationSeconds: 0.05)

    static let timedOut = HostAudit.failed(
        host: "batch-07", address: "10.0.0.10",
        failure: HostFailure(kind: .timeout, message: "no answer within 10 s"), durationSeconds: 10)

    static let hostile: HostAudit = {
        let origin = SourceLocation(path: hostilePath, line: 7)
        let facts = HostFacts(
            host: hostileName, kernelRelease: "4.4.0-210-generic",
            keys: [twRecycle: KeyFacts(key: twRecycle, live: .value(hostileValue),
                                       procps: PersistedValue(value: hostileValue, origin: origin),
                                       assignments: [ConfigAssignment(location: origin, value: hostileValue, effectiveUnder: [.procps])])],
            counters: ["PAWSPassive": 5],
            nat: NatAssessment(state: .unknown, evidence: []),
            unreadableFiles: ["/etc/sysctl.d/<b>secret</b>.conf"])
        return HostAudit(
            host: hostileName, address: "10.0.0.66\"><script>", status: .audited, kernelRelease: "4.4.0-210-generic",
            operatingSystem: "Ubuntu 16.04.7 LTS <script>alert(1)</script>", facts: facts,
            findings: [Finding(ruleID: "tw-recycle-enabled", playbookID: "tcp-tw-recycle-nat", severity: .high,
                               title: "tcp_tw_recycle is on; clients behind NAT will have SYNs dropped",
                               message: "Live tcp_tw_recycle=\(hostileValue) from \(hostilePath):7 | <script>alert('m')</script>",
                               remediation: "Set net.ipv4.tcp_tw_recycle=0 live and persisted (`pawsguard apply`).",
                               origins: [origin])],
            durationSeconds: 0.3)
    }()
}
