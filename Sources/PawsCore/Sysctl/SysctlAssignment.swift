/// One configuration line that sets a given key, directly or through a glob, with what becomes of
/// it under one applier. A fix must rewrite every line that sets the bad value, effective or not,
/// or the next edit elsewhere makes a dormant one effective again.
public struct SysctlAssignment: Sendable, Hashable {
    public enum Status: Sendable, Hashable, CustomStringConvertible {
        /// This line's value is the one the applier writes last.
        case effective
        /// Sets the same value as the effective line, which the applier records instead.
        case redundant
        /// A later line (or later glob) for the same key writes another value.
        case overridden
        /// A glob line that does not apply because a line names the key explicitly.
        case preemptedByExplicitKey
        /// A glob line kept off this key by a `-key` exclusion line.
        case excludedFromGlobs
        /// systemd-sysctl: a later `-key` exclusion line replaced this assignment, so the key
        /// is not written at all.
        case cancelledByExclusion
        /// A glob line, but the key does not exist on the host, so the glob never reaches it.
        case keyNotLive
        /// The applier does not understand the line (globs in procps 3.3.16 and older).
        case unsupportedByApplier

        public var description: String {
            switch self {
            case .effective: return "effective"
            case .redundant: return "same value as the effective line"
            case .overridden: return "overridden by a later line"
            case .preemptedByExplicitKey: return "glob line; an explicit line for the key wins"
            case .excludedFromGlobs: return "glob line; the key is excluded from globs"
            case .cancelledByExclusion: return "cancelled by a later '-key' exclusion line"
            case .keyNotLive: return "glob line; the key does not exist on this kernel"
            case .unsupportedByApplier: return "not understood by this applier"
            }
        }
    }

    /// The concrete key asked about.
    public let key: SysctlKey
    public let entry: SysctlEntry
    /// The path the applier opened; `entry.location.path` is the same.
    public let path: String
    /// The file to edit, after following symlinks.
    public let realPath: String
    public let status: Status

    public init(key: SysctlKey, entry: SysctlEntry, path: String, realPath: String, status: Status) {
        self.key = key
        self.entry = entry
        self.path = path
        self.realPath = realPath
        self.status = status
    }

    public var value: String { entry.value ?? "" }
    public var location: SourceLocation { entry.location }
    public var isEffective: Bool { status == .effective }
    /// True when the line reaches the key through a glob pattern.
    public var viaGlob: Bool { entry.key.isGlob }
}
