/// Reads fields of an `/etc/os-release` text.
public enum OSReleaseText {
    public static func fields(_ text: String) -> [String: String] {
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

