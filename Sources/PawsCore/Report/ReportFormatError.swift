/// Why a `--format` value was rejected.
public enum ReportFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .unknownFormat(let name):
            let names = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown report format '\(name)': use one of \(names)"
        }
    }
}
