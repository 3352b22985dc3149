/// A value an applier would set at boot, and the line that sets it.
public struct PersistedValue: Sendable, Codable, Hashable {
    public var value: String
    public var origin: SourceLocation

    public init(value: String, origin: SourceLocation) {
        self.value = value
        self.origin = origin
    }
}

/// One configuration line that sets a key, effective or not.
public struct ConfigAssignment: Sendable, Codable, Hashable {
    public var location: SourceLocation
    public var value: String
    /// `-key = value`: the applier ignores a failure to set it.
    public var ignoreFailure: Bool
    /// The appliers under which this line is the one that takes effect.
    public var effectiveUnder: [SysctlApplier]
    /// Set through a glob such as `net.ipv4.conf.*.rp_filter`.
    public var viaGlob: Bool

    public init(location: SourceLocation, value: String, ignoreFailure: Bool = false, effectiveUnder: [SysctlApplier] = [], viaGlob: Bool = false) {
        self.location = location
        self.value = value
        self.ignoreFailure = ignoreFailure
        self.effectiveUnder = effectiveUnder
        self.viaGlob = viaGlob
    }
}

/// Everything known about one key on one host: live, persisted both ways, and every line.
public struct KeyFacts: Sendable, Codable, Hashable {
    public var key: String
    public var live: LiveValue
    /// What `sysctl --system` would set; the procps version's rules are chosen from the host's OS.
    public var procps: PersistedValue?
    public var systemd: PersistedValue?
    public var assignments: [ConfigAssignment]

    public init(key: String, live: LiveValue, procps: PersistedValue? = nil, systemd: PersistedValue? = nil, assignments: [ConfigAssignment] = []) {
        self.key = key
        self.live = live
        self.procps = procps
        self.systemd = systemd
        self.assignments = assignments
    }

    public func persisted(by applier: SysctlApplier) -> PersistedValue? {
        switch applier {
        case .procps, .procpsLegacy: return procps
        case .systemd: return systemd
        }
    }
}
