/// A whole audit run: what `--format json` prints and `report merge` reads.
///
/// The JSON schema is versioned (`schemaVersion`); docs/REPORT-SCHEMA.md describes it. Fields are
/// only ever added within a version.
public struct AuditReport: Sendable, Codable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: String
    public var toolVersion: String
    /// ISO 8601, UTC.
    public var generatedAt: String
    public var playbooks: [String]
    public var sampleIntervalSeconds: Int?
    public var hosts: [HostAudit]

    public init(
        toolVersion: String, generatedAt: String, playbooks: [String], sampleIntervalSeconds: Int? = nil,
        hosts: [HostAudit]
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = "pawsguard"
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.playbooks = playbooks
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.hosts = hosts
    }

    public var summary: AuditSummary { AuditSummary(hosts: hosts) }
}

/// Counts for the top of every report.
public struct AuditSummary: Sendable, Codable, Hashable {
    public var hosts: Int
    public var audited: Int
    public var failed: Int
    /// Hosts by their worst finding's severity.
    public var hostsBySeverity: [String: Int]
    public var clean: Int

    public init(hosts: [HostAudit]) {
        self.hosts = hosts.count
        audited = hosts.filter { $0.status == .audited }.count
        failed = hosts.filter { $0.status == .failed }.count
        var bySeverity: [String: Int] = [:]
        for host in hosts {
            if let worst = host.worstSeverity { bySeverity[worst.rawValue, default: 0] += 1 }
        }
        hostsBySeverity = bySeverity
        clean = hosts.filter { $0.status == .audited && $0.findings.isEmpty }.count
    }
}
