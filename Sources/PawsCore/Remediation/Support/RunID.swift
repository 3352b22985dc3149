import Foundation

/// Names one `pawsguard apply` run: `20261127T132700Z-3fa9c1`. It sorts by start time, appears in
/// the comment marker of every line the run changes, in the host-side backup folder and in the
/// journal folder, so it is restricted to characters that are safe in all three.
public struct RunID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    /// Accepts what `generate` makes: letters, digits and `-`, 8 to 64 characters.
    public init?(_ value: String) {
        guard Self.isValid(value) else { return nil }
        self.value = value
    }

    public static func generate(at date: Date = Date()) -> RunID {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        let suffix = String((0..<6).map { _ in digits[Int(generator.next() % 16)] })
        // Built from digits, letters and '-', so it is always valid.
        return RunID(unchecked: formatter.string(from: date) + "-" + suffix)
    }

    private init(unchecked value: String) {
        self.value = value
    }

    public static func isValid(_ value: String) -> Bool {
        (8...64).contains(value.utf8.count) && value.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
        }
    }

    /// The comment prefix a commented-out line gets: `# pawsguard <run-id>: `.
    public var marker: String { "# pawsguard \(value): " }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a pawsguard run id")
        }
        value = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.value < rhs.value }
}
