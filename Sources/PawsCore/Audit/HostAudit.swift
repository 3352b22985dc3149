/// The audit of one host: its facts and findings, or why it could not be audited.
public struct HostAudit: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case audited
        case failed
    }

    public var host: String
    public var address: String
    public var status: Status
    public var failure: HostFailure?
    public var kernelRelease: String?
    /// `PRETTY_NAME` from /etc/os-release.
    public var operatingSystem: String?
    public var facts: HostFacts?
    /// Worst first.
    public var findings: [Finding]
    public var durationSeconds: Double

    public init(
        host: String, address: String, status: Status, failure: HostFailure? = nil, kernelRelease: String? = nil,
        operatingSystem: String? = nil, facts: HostFacts? = nil, findings: [Finding] = [], durationSeconds: Double = 0
    ) {
        self.host = host
        self.address = address
        self.status = status
        self.failure = failure
        self.kernelRelease = kernelRelease
        self.operatingSystem = operatingSystem
        self.facts = facts
        self.findings = findings
        self.durationSeconds = durationSeconds
    }

    public static func failed(host: String, address: String, failure: HostFailure, durationSeconds: Double = 0) -> HostAudit {
        HostAudit(host: host, address: address, status: .failed, failure: failure, durationSeconds: durationSeconds)
    }

    /// The worst severity among the findings.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}
