import Foundation

extension CaptureReportRenderer {
    /// The whole verdict as JSON, every unanswered SYN included (timestamp, 4-tuple, ISN, TSval).
    public static func json(_ verdict: CaptureVerdict) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(verdict), as: UTF8.self) + "\n"
        } catch {
            // Only a non-finite number could get here; say so in JSON rather than print nothing.
            return "{\"error\": \"the verdict could not be encoded as JSON\"}\n"
        }
    }
}
