/// Why a file could not be read as a pawsguard JSON report. Every case names the file.
public enum AuditReportDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not JSON at all (or empty).
    case invalidJSON(source: String, detail: String)
    /// JSON, but not written by pawsguard.
    case notAPawsguardReport(source: String, reason: String)
    /// Written by a pawsguard whose schema this build does not read.
    case unsupportedSchemaVersion(source: String, found: Int, supported: Int)
    /// The right kind and version of report, but a field is missing or has the wrong type.
    case malformed(source: String, field: String, detail: String)

    public var source: String {
        switch self {
        case .invalidJSON(let source, _), .notAPawsguardReport(let source, _),
             .unsupportedSchemaVersion(let source, _, _), .malformed(let source, _, _):
            return source
        }
    }

    public var description: String {
        switch self {
        case .invalidJSON(let source, let detail):
            return "\(source): not valid JSON (\(detail)); expected a report written by `pawsguard audit --format json`"
        case .notAPawsguardReport(let source, let reason):
            return "\(source): not a pawsguard report: \(reason); expected a report written by `pawsguard audit --format json`"
        case .unsupportedSchemaVersion(let source, let found, let supported):
            let advice = found > supported
                ? "it was written by a newer pawsguard: upgrade this pawsguard to read it"
                : "re-run the audit with this pawsguard to get a version \(supported) report"
            return "\(source): report schemaVersion \(found) is not supported (this pawsguard reads version \(supported)); \(advice)"
        case .malformed(let source, let field, let detail):
            let location = field.isEmpty ? "" : " at \(field)"
            return "\(source): damaged pawsguard report\(location): \(detail); re-run the audit or restore the file"
        }
    }
}
