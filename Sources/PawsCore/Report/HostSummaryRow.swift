/// One host reduced to the columns of a fleet table (terminal, Markdown, HTML).
///
/// Values are raw, as they came from the host; every formatter escapes them for its own medium.
struct HostSummaryRow: Sendable, Hashable {
    var host: String
    var address: String
    var standing: HostStanding
    var kernel: String
    /// The focus key's live value: `1`, `absent`, `unreadable`, or `-` when not collected.
    var live: String
    /// What procps `sysctl --system` would set at boot; `-` when no line sets the key.
    var procpsAtBoot: String
    var systemdAtBoot: String
    var nat: String
    /// `rule-id: title` of the worst finding, `kind: message` for a failed host, empty when clean.
    var headline: String

    static let missing = "-"

    init(_ audit: HostAudit, focusKey: String) {
        host = audit.host
        address = audit.address
        standing = HostStanding(audit)
        kernel = audit.kernelRelease ?? audit.facts?.kernelRelease ?? Self.missing
        let keyFacts = audit.facts?.keys[focusKey]
        live = keyFacts.map(\.live.description) ?? Self.missing
        procpsAtBoot = keyFacts?.procps?.value ?? Self.missing
        systemdAtBoot = keyFacts?.systemd?.value ?? Self.missing
        nat = audit.facts?.nat.state.rawValue ?? Self.missing
        if let failure = audit.failure, audit.status == .failed {
            headline = "\(failure.kind.rawValue): \(failure.message)"
        } else if let top = audit.findings.max(by: { $0.severity < $1.severity }) {
            headline = "\(top.ruleID): \(top.title)"
        } else {
            headline = ""
        }
    }

    /// Column title for the focus key: its last component (`tcp_tw_recycle`).
    static func focusKeyTitle(_ focusKey: String) -> String {
        focusKey.split(whereSeparator: { $0 == "." || $0 == "/" }).last.map(String.init) ?? focusKey
    }

    /// A narrower title for the terminal, where every column counts: `tw_recycle`.
    static func shortFocusKeyTitle(_ focusKey: String) -> String {
        let title = focusKeyTitle(focusKey)
        return title.hasPrefix("tcp_") && title.count > 4 ? String(title.dropFirst(4)) : title
    }
}
