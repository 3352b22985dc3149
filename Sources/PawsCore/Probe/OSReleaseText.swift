/// Reads fields of an `/etc/os-release` text.
public enum OSReleaseText {
    public static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            fields[String(parts[0])] = String(parts[1]).trimmingCharacters(in: "\"'")
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
