/// One place where a repository sets a sysctl key, as an extractor read it: before any rule
/// looks at it.
public struct SysctlAssignmentCandidate: Sendable, Hashable {
    public var key: SysctlKey
    /// The value as written, quotes included (`"1"`, `yes`, `{{ tw_recycle }}`).
    public var rawValue: String
    /// The value the kernel would be given: `1` for `1`, `"1"`, `'1'`, `yes`, `true`, `on`; `0` for `no`,
    /// `false`, `off`. Nil when the source does not say (a template expression, a shell variable).
    public var normalisedValue: String?
    /// Where the key is named (1-based line and column; columns count Unicode code points).
    public var location: SourceLocation
    /// Where the value is written, when that is another line (a YAML `name:`/`value:` pair).
    public var valueLocation: SourceLocation?
    public var context: AssignmentContext

    public init(
        key: SysctlKey, rawValue: String, normalisedValue: String?, location: SourceLocation,
        valueLocation: SourceLocation? = nil, context: AssignmentContext
    ) {
        self.key = key
        self.rawValue = rawValue
        self.normalisedValue = normalisedValue
        self.location = location
        self.valueLocation = valueLocation
        self.context = context
    }
}
