/// The small condition language of playbook rules (`when:` in YAML).
public indirect enum RuleCondition: Sendable, Hashable {
    case all([RuleCondition])
    case any([RuleCondition])
    case not(RuleCondition)
    /// The live `/proc/sys` value.
    case live(key: String, ValueTest)
    /// The value an applier would set at boot.
    case persisted(key: String, applier: ApplierChoice, ValueTest)
    /// Some line in some configuration file sets the key (effective or not).
    case configured(key: String, ValueTest)
    /// The live value differs from what an applier would set at boot.
    case drift(key: String)
    /// procps and systemd-sysctl would set different values at boot.
    case appliersDisagree(key: String)
    case kernel(KernelRange)
    case nat(Set<NatState>)
    /// A `TcpExt` counter since boot.
    case counter(name: String, NumberTest)
    /// The growth of a counter over the sample interval (false when not sampled).
    case delta(name: String, NumberTest)
    /// Δname > Δother over the sample interval.
    case deltaExceeds(name: String, other: String)
    /// Some sysctl configuration file could not be read.
    case unreadableConfig
    /// The audit sampled counters twice.
    case sampled
}

public enum ApplierChoice: String, Sendable, Hashable, CaseIterable {
    case procps, systemd
    /// Either applier.
    case any
    /// Both appliers.
    case both
}

/// How a host's exposure to clients behind NAT reads, for rule conditions.
public enum NatState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Declared in the inventory or shown by the host's own evidence.
    case exposed
    /// Declared not exposed, and nothing on the host says otherwise.
    case notExposed = "not-exposed"
    /// Neither declared nor observed.
    case unknown
}

public enum ValueTest: Sendable, Hashable {
    case equals(String)
    case notEquals(String)
    case oneOf([String])
    /// The key does not exist (live), or is not set (persisted, configured).
    case absent
    /// The key exists / is set, whatever its value.
    case present
    case unreadable

    /// Tests a value that is known to exist.
    public func matches(value: String) -> Bool {
        let value = value.trimmedSysctlValue
        switch self {
        case .equals(let expected): return value == expected
        case .notEquals(let expected): return value != expected
        case .oneOf(let options): return options.contains(value)
        case .present: return true
        case .absent, .unreadable: return false
        }
    }
}

public struct NumberTest: Sendable, Hashable {
    public var above: UInt64?
    public var atMost: UInt64?

    public init(above: UInt64? = nil, atMost: UInt64? = nil) {
        self.above = above
        self.atMost = atMost
    }

    public func matches(_ number: UInt64) -> Bool {
        if let above, !(number > above) { return false }
        if let atMost, !(number <= atMost) { return false }
        return true
    }
}

/// `from` inclusive, `below` exclusive, as `major.minor` strings (`4.10`, `4.12`).
public struct KernelRange: Sendable, Hashable {
    public var from: String?
    public var below: String?

    public init(from: String? = nil, below: String? = nil) {
        self.from = from
        self.below = below
    }
}

extension String {
    /// Sysctl values compare without surrounding blanks; multi-field values collapse tabs/spaces.
    var trimmedSysctlValue: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
