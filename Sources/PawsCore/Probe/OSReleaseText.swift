import Foundation

/// Reads fields of an `/etc/os-release` text.
public enum OSReleaseText {
    /// The fields of the text read last: hosts of a fleet mostly share one os-release, and each
    /// host asks twice (the procps flavour, the report's system name).
    private static let lastRead = LastRead()

    public static func fields(_ text: String) -> [String: String] {
        if let known = lastRead.fields(of: text) { return known }
        let fields = parseFields(text)
        lastRead.remember(text, fields)
        return fields
    }

    private static func parseFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        // Lines end at LF or CR bytes (a CRLF is then one end and one empty line); splitting bytes
        // rather than Characters also keeps "\r\n", a single Character, from joining two lines.
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), equals = UInt8(ascii: "=")
        for line in text.utf8.split(whereSeparator: { $0 == newline || $0 == carriageReturn }) {
            guard let separator = line.firstIndex(of: equals), separator != line.startIndex else { continue }
            let value = line[line.index(after: separator)...]
            guard !value.isEmpty else { continue }
            fields[String(Substring(line[..<separator]))] = String(Substring(value)).trimmingCharacters(in: "\"'")
        }
        return fields
    }

    /// `PRETTY_NAME`, else `NAME VERSION_ID`.
    public static func prettyName(_ text: String?) -> String? {
        guard let text else { return nil }
        let fields = fields(text)
        if let pretty = fields["PRETTY_NAME"], !pretty.isEmpty { return pretty }
        return [fields["NAME"], fields["VERSION_ID"]].compactMap { $0 }.joined(separator: " ").nilIfEmpty
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// One remembered (text, fields) pair, shared by every thread of a run.
private final class LastRead: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    private var fields: [String: String] = [:]

    func fields(of text: String) -> [String: String]? {
        lock.lock()
        defer { lock.unlock() }
        return self.text == text ? fields : nil
    }

    func remember(_ text: String, _ fields: [String: String]) {
        // A huge text is not worth keeping (os-release is a few hundred bytes).
        guard text.utf8.count <= 16 * 1024 else { return }
        lock.lock()
        defer { lock.unlock() }
        self.text = text
        self.fields = fields
    }
}
