/// The result of `pawsguard apply` (or of its dry run): per host, what was planned and what
/// became of it. Rendered by `ApplyReportRenderer` in the audit's formats.
public struct ApplyReport: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var runID: RunID
    public var toolVersion: String
    public var generatedAt: String
    public var dryRun: Bool
    public var desired: [DesiredSetting]
    public var hosts: [HostApplyResult]
    /// Set when `--max-failures` stopped the rollout.
    public var stopReason: String?

    public init(
        runID: RunID, toolVersion: String, generatedAt: String, dryRun: Bool, desired: [DesiredSetting],
        hosts: [HostApplyResult], stopReason: String? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.runID = runID
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.dryRun = dryRun
        self.desired = desired
        self.hosts = hosts
        self.stopReason = stopReason
    }

    /// Hosts per outcome, every outcome present (0 when none).
    public var summary: [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ApplyOutcome.allCases.map { ($0.rawValue, 0) })
        for host in hosts { counts[host.outcome.rawValue, default: 0] += 1 }
        return counts
    }

    public var hasFailures: Bool { hosts.contains { $0.outcome.isFailure } }
}

/// One host's line in an apply report.
public struct HostApplyResult: Sendable, Hashable, Codable {
    public var host: String
    public var address: String
    public var outcome: ApplyOutcome
    /// Why it was skipped, failed or rolled back; what it relies on otherwise.
    public var reason: String?
    public var kernelRelease: String?
    /// The plan computed from this run's probe; nil when the host could not be probed.
    public var plan: HostPlan?
    /// Changes were made and are still in place.
    public var applied: Bool
    public var verified: Bool
    public var rolledBack: Bool
    public var durationSeconds: Double

    public init(
        host: String, address: String, outcome: ApplyOutcome, reason: String? = nil, kernelRelease: String? = nil,
        plan: HostPlan? = nil, applied: Bool = false, verified: Bool = false, rolledBack: Bool = false, durationSeconds: Double = 0
    ) {
        self.host = host
        self.address = address
        self.outcome = outcome
        self.reason = reason
        self.kernelRelease = kernelRelease
        self.plan = plan
        self.applied = applied
        self.verified = verified
        self.rolledBack = rolledBack
        self.durationSeconds = durationSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case host, address, outcome, reason, kernelRelease, plan, applied, verified, rolledBack, durationSeconds
    }
}
