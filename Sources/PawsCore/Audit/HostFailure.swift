/// Why a host could not be audited (or changed). `kind` is a stable id for scripts and dashboards.
public struct HostFailure: Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        case unreachable
        case timeout
        case authenticationFailed = "auth-failed"
        case hostKeyUnknown = "host-key-unknown"
        case hostKeyChanged = "host-key-changed"
        case probeFailed = "probe-failed"
        case error
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
