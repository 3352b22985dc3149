import Foundation

/// Stable, readable JSON: sorted keys, two-space indentation, slashes not escaped.
enum LintJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only non-finite floating-point values make encoding fail, and these documents hold none.
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
