/// A malformed part of a `/proc/net/netstat` or `/proc/net/snmp` text, with its line.
public struct NetstatParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A line that is not `Prefix: fields...`.
        case notASectionLine(text: String)
        /// A header line not followed by a value line with the same prefix.
        case headerWithoutValues(section: NetstatSection)
        /// A line of numbers with no header line before it.
        case valuesWithoutHeader(section: NetstatSection)
        case columnCountMismatch(section: NetstatSection, names: Int, values: Int)
        case notANumber(section: NetstatSection, column: String, text: String)
    }

    /// The file the text came from, e.g. `/proc/net/netstat`.
    public let source: String
    /// 1-based line number.
    public let line: Int
    public let kind: Kind

    public init(source: String, line: Int, kind: Kind) {
        self.source = source
        self.line = line
        self.kind = kind
    }

    public var description: String {
        let place = "\(source):\(line)"
        let advice = "The probe output may be truncated or not come from \(source); re-run the probe."
        switch kind {
        case .notASectionLine(let text):
            return "\(place): '\(text.prefix(60))' is not a 'Prefix: fields' line. \(advice)"
        case .headerWithoutValues(let section):
            return "\(place): the \(section) header line has no value line after it. \(advice)"
        case .valuesWithoutHeader(let section):
            return "\(place): a \(section) value line has no header line before it. \(advice)"
        case .columnCountMismatch(let section, let names, let values):
            return "\(place): \(section) has \(names) column names but \(values) values. \(advice)"
        case .notANumber(let section, let column, let text):
            return "\(place): \(section) \(column) is '\(text.prefix(30))', not a number. \(advice)"
        }
    }
}
