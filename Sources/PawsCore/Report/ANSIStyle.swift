/// SGR colour codes for the terminal table. Used only when `ReportOptions.color` is on.
enum ANSIStyle: String, Sendable {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case boldRed = "1;31"
    case green = "32"
    case yellow = "33"
    case magenta = "35"
    case cyan = "36"

    func apply(to text: String, enabled: Bool) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }

    static func forStanding(_ standing: HostStanding) -> ANSIStyle {
        switch standing {
        case .clean: return .green
        case .failed: return .magenta
        case .finding(let severity): return forSeverity(severity)
        }
    }

    static func forSeverity(_ severity: Severity) -> ANSIStyle {
        switch severity {
        case .critical: return .boldRed
        case .high: return .red
        case .medium: return .yellow
        case .low: return .cyan
        case .info: return .dim
        }
    }
}
