/// An inline `# pawsguard: ignore[rule-id, ...] reason` comment that silenced a finding.
public struct LintSuppression: Sendable, Hashable, Codable {
    public var location: SourceLocation
    public var ruleIDs: [String]
    /// Why the line is safe; nil when the comment gives no reason (still honoured, with a notice).
    public var reason: String?

    public init(location: SourceLocation, ruleIDs: [String], reason: String?) {
        self.location = location
        self.ruleIDs = ruleIDs
        self.reason = reason
    }
}
