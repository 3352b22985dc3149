import Foundation

/// The machine-readable report: `AuditReport` as JSON with a computed `summary`, keys sorted so
/// two runs diff cleanly. The schema is docs/REPORT-SCHEMA.md; `AuditReportDecoder` reads it back.
public struct JSONReportFormatter: AuditReportFormatter {
    public init() {}

    public func render(_ report: AuditReport) -> String {
        do {
            return String(decoding: try encode(report), as: UTF8.self) + "\n"
        } catch {
            // Unreachable with the value types of the schema (non-finite numbers are written as
            // strings); kept as a JSON document so a consumer fails with a readable reason.
            return #"{"error":"pawsguard could not encode the report: "# + Self.escapedForJSONString("\(error)") + #""}"# + "\n"
        }
    }

    /// The document as UTF-8 bytes, without a trailing newline.
    public func encode(_ report: AuditReport) throws -> Data {
        try Self.makeEncoder().encode(JSONReportDocument(report: report))
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return encoder
    }

    static let nonFinite = (positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    private static func escapedForJSONString(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            default:
                return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : String(scalar)
            }
        }.joined()
    }
}

/// What the JSON file holds: every field of `AuditReport` plus `summary`, which readers may use
/// but `AuditReportDecoder` ignores (it is recomputed from `hosts`).
private struct JSONReportDocument: Encodable {
    var report: AuditReport

    private enum CodingKeys: String, CodingKey {
        case summary
    }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.summary, forKey: .summary)
    }
}
