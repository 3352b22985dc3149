/// A declarative set of rules: what to collect from a host, when a host is at risk, how bad it
/// is, what to tell the on-call SRE and which values fix it. Loaded from YAML (`playbooks/`).
public struct Playbook: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    /// Live `/proc/sys` keys the probe reads (dotted form).
    public var keys: [String]
    /// `TcpExt` counters shown as evidence.
    public var counters: [String]
    /// Values a fix makes live and persisted, by key. Empty for diagnosis-only playbooks.
    public var desired: [String: String]
    public var rules: [PlaybookRule]
    /// Where the playbook came from: a file path or `built-in:<name>`.
    public var source: String

    public init(
        id: String, title: String, summary: String, keys: [String], counters: [String],
        desired: [String: String], rules: [PlaybookRule], source: String
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.keys = keys
        self.counters = counters
        self.desired = desired
        self.rules = rules
        self.source = source
    }
}

/// One rule: a condition on a host's facts, and what to say when it holds.
public struct PlaybookRule: Sendable, Hashable {
    /// Stable id, used in reports, suppressions and SARIF (`tw-recycle-nat`).
    public var id: String
    public var severity: Severity
    public var title: String
    public var condition: RuleCondition
    /// A message template; `{live:KEY}`, `{procps:KEY}`, `{kernel}`... are filled per host.
    public var message: String
    public var remediation: String
    /// Keys whose configuration lines are cited as the finding's origin.
    public var originKeys: [String]
    public var references: [String]
    /// How the rule reads a single assignment in a configuration repository (`pawsguard lint`).
    public var lint: LintCheck?

    public init(
        id: String, severity: Severity, title: String, condition: RuleCondition, message: String,
        remediation: String, originKeys: [String] = [], references: [String] = [], lint: LintCheck? = nil
    ) {
        self.id = id
        self.severity = severity
        self.title = title
        self.condition = condition
        self.message = message
        self.remediation = remediation
        self.originKeys = originKeys
        self.references = references
        self.lint = lint
    }
}

/// A rule's reading of one `key = value` found in a repository.
public struct LintCheck: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public var key: String
    public var value: ValueTest
    public var level: Level
    /// Only when the repository targets kernels at or above this (`--target-kernel`).
    public var targetKernelAtLeast: String?
    public var message: String

    public init(key: String, value: ValueTest, level: Level, targetKernelAtLeast: String? = nil, message: String) {
        self.key = key
        self.value = value
        self.level = level
        self.targetKernelAtLeast = targetKernelAtLeast
        self.message = message
    }
}
