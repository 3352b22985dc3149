/// Where a host stands in a report, for sorting and for its STATUS column.
///
/// Order, most urgent first: `critical > high > failed > medium > low > info > clean`.
/// A host that could not be audited sorts below hosts with *confirmed* critical or high findings
/// (those are dropping connections or will be after a reboot, and need action now) but above
/// medium and lower findings: an unreachable host is a blind spot that may well hide a critical
/// setting, so it deserves a look before known-minor issues do.
public enum HostStanding: Sendable, Hashable, Comparable, CustomStringConvertible {
    case clean
    case finding(Severity)
    case failed

    public init(_ host: HostAudit) {
        if host.status == .failed {
            self = .failed
        } else if let worst = host.worstSeverity {
            self = .finding(worst)
        } else {
            self = .clean
        }
    }

    /// Higher is more urgent.
    public var urgency: Int {
        switch self {
        case .clean: return 0
        case .finding(.info): return 1
        case .finding(.low): return 2
        case .finding(.medium): return 3
        case .failed: return 4
        case .finding(.high): return 5
        case .finding(.critical): return 6
        }
    }

    public static func < (lhs: HostStanding, rhs: HostStanding) -> Bool { lhs.urgency < rhs.urgency }

    /// `critical` … `info`, `failed` or `clean`.
    public var description: String {
        switch self {
        case .clean: return "clean"
        case .finding(let severity): return severity.rawValue
        case .failed: return "failed"
        }
    }

    /// Hosts most urgent first; ties by host name, then address, so output is stable across runs.
    public static func sortedMostUrgentFirst(_ hosts: [HostAudit]) -> [HostAudit] {
        hosts.map { (standing: HostStanding($0), host: $0) }
            .sorted { lhs, rhs in
                if lhs.standing != rhs.standing { return lhs.standing > rhs.standing }
                if lhs.host.host != rhs.host.host { return lhs.host.host < rhs.host.host }
                return lhs.host.address < rhs.host.address
            }
            .map(\.host)
    }
}
