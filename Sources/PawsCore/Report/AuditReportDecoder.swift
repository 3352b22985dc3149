import Foundation

/// Reads a report written by `JSONReportFormatter` back into an `AuditReport` (`pawsguard report merge`).
///
/// Checks, in order, that the bytes are JSON, that they are a pawsguard report (`"tool": "pawsguard"`),
/// and that the schema version is one this build reads, so a wrong file fails with that reason rather
/// than with the first missing field.
public enum AuditReportDecoder {
    /// - Parameter source: how to name the input in errors, usually its path.
    public static func decode(data: Data, source: String) throws(AuditReportDecodingError) -> AuditReport {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw .invalidJSON(source: source, detail: "the file is empty")
        }
        let decoder = makeDecoder()
        let header: ReportHeader
        do {
            header = try decoder.decode(ReportHeader.self, from: data)
        } catch DecodingError.typeMismatch {
            throw .notAPawsguardReport(source: source, reason: "the top level is not a JSON object")
        } catch {
            throw .invalidJSON(source: source, detail: readableReason(error))
        }
        guard header.tool == "pawsguard" else {
            let reason = header.tool.map { "\"tool\" is \"\($0)\", not \"pawsguard\"" } ?? "it has no \"tool\": \"pawsguard\" field"
            throw .notAPawsguardReport(source: source, reason: reason)
        }
        guard let version = header.schemaVersion else {
            throw .notAPawsguardReport(source: source, reason: "it has no integer \"schemaVersion\" field")
        }
        guard version == AuditReport.currentSchemaVersion else {
            throw .unsupportedSchemaVersion(source: source, found: version, supported: AuditReport.currentSchemaVersion)
        }
        do {
            return try decoder.decode(AuditReport.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(source: source, field: fieldPath(of: error), detail: readableReason(error))
        } catch {
            throw .malformed(source: source, field: "", detail: "\(error)")
        }
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        let names = JSONReportFormatter.nonFinite
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: names.positiveInfinity, negativeInfinity: names.negativeInfinity, nan: names.nan)
        return decoder
    }

    /// `hosts[2].facts.keys.net.ipv4.tcp_tw_recycle.live`
    private static func fieldPath(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func readableReason(_ error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        switch decodingError {
        case .typeMismatch(let type, let context):
            return "expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "missing \(type) value: \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "required field \"\(key.stringValue)\" is missing"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return context.debugDescription + underlying
        @unknown default:
            return "\(decodingError)"
        }
    }
}

/// The two fields that identify a pawsguard report, read leniently so that a wrong file is named
/// as such instead of failing on a type.
private struct ReportHeader: Decodable {
    var tool: String?
    var schemaVersion: Int?

    private enum CodingKeys: String, CodingKey {
        case tool, schemaVersion
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tool = try? container.decodeIfPresent(String.self, forKey: .tool)
        schemaVersion = try? container.decodeIfPresent(Int.self, forKey: .schemaVersion)
    }
}
