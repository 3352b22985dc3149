/// A rule that holds on a host, with the message filled in for that host.
public struct Finding: Sendable, Codable, Hashable {
    public var ruleID: String
    public var playbookID: String
    public var severity: Severity
    public var title: String
    public var message: String
    public var remediation: String
    /// The configuration lines behind the finding (`/etc/sysctl.conf:12`).
    public var origins: [SourceLocation]
    public var references: [String]

    public init(
        ruleID: String, playbookID: String, severity: Severity, title: String, message: String,
        remediation: String, origins: [SourceLocation] = [], references: [String] = []
    ) {
        self.ruleID = ruleID
        self.playbookID = playbookID
        self.severity = severity
        self.title = title
        self.message = message
        self.remediation = remediation
        self.origins = origins
        self.references = references
    }
}
