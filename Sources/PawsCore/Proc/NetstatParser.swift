/// Reads `/proc/net/netstat` and `/proc/net/snmp`: pairs of lines, a header naming the columns
/// and a line of values with the same prefix:
///
///     TcpExt: SyncookiesSent SyncookiesRecv ... PAWSPassive ... ListenDrops ...
///     TcpExt: 0 0 ... 173495 ... 173495 ...
///
/// Columns are matched by name, never by position, because every kernel version adds, removes
/// or reorders some (`PAWSPassive` is gone in 4.12, `MPTcpExt` appeared in 5.6). This is the
/// raw kernel data that `netstat -s` rewords differently in each net-tools version.
public enum NetstatParser {
    /// Strict: the first malformed line pair is an error.
    public static func parse(_ text: String, source: String = "/proc/net/netstat") throws -> NetstatCounters {
        let result = parseLeniently(text, source: source)
        if let problem = result.problems.first { throw problem }
        return result.counters
    }

    /// Keeps every well-formed pair and reports the rest. With a column count mismatch the
    /// leading columns are kept: truncated output loses its tail, and the names still line up.
    ///
    /// `keeping` limits the counters kept to those named (an audit reads a handful of the
    /// hundreds): the others are not stored, lines of other sections are skipped unsplit, and
    /// problems are reported for the kept sections only.
    public static func parseLeniently(
        _ text: String, source: String = "/proc/net/netstat", keeping wanted: Set<NetstatCounterID>? = nil
    ) -> NetstatParseResult {
        let wantedNames: [NetstatSection: Set<Substring>]? = wanted.map { wanted in
            Dictionary(grouping: wanted, by: \.section).mapValues { Set($0.map { Substring($0.name) }) }
        }
        var counters = NetstatCounters()
        var problems: [NetstatParseError] = []
        let lines = numberedLines(text)
        var index = 0
        while index < lines.count {
            let header = lines[index]
            index += 1
            if let wantedNames, let section = SectionLine.sectionName(of: header.text),
               wantedNames[NetstatSection(rawValue: String(section))] == nil {
                continue
            }
            guard let headerFields = SectionLine(header.text) else {
                problems.append(NetstatParseError(source: source, line: header.number, kind: .notASectionLine(text: String(header.text))))
                continue
            }
            if !headerFields.fields.isEmpty && headerFields.fields.allSatisfy(isNumeric) {
                problems.append(NetstatParseError(
                    source: source, line: header.number, kind: .valuesWithoutHeader(section: headerFields.section)))
                continue
            }
            guard index < lines.count, let valueFields = SectionLine(lines[index].text),
                  valueFields.section == headerFields.section else {
                problems.append(NetstatParseError(
                    source: source, line: header.number, kind: .headerWithoutValues(section: headerFields.section)))
                continue
            }
            let valueLine = lines[index].number
            index += 1

            let section = headerFields.section
            // Sections not wanted were skipped above; nil keeps every column.
            let keptNames = wantedNames?[section]
            let names = headerFields.fields
            let values = valueFields.fields
            if names.count != values.count {
                problems.append(NetstatParseError(
                    source: source, line: valueLine,
                    kind: .columnCountMismatch(section: section, names: names.count, values: values.count)))
            }
            for (name, text) in zip(names, values) where keptNames?.contains(name) ?? true {
                if let value = UInt64(text) {
                    counters.set(section, String(name), value)
                } else if let value = Int64(text), value < 0 {
                    counters.setSigned(section, String(name), value)
                } else {
                    problems.append(NetstatParseError(
                        source: source, line: valueLine,
                        kind: .notANumber(section: section, column: String(name), text: String(text))))
                }
            }
        }
        return NetstatParseResult(counters: counters, problems: problems)
    }

    private static func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
        // The kernel writes ASCII; bytes are then the characters and splitting them is many times
        // cheaper than splitting Characters. Anything else takes the Character path.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return numberedCharacterLines(text) }
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var lines: [(number: Int, text: Substring)] = []
        let bytes = text.utf8
        var number = 0
        var start = bytes.startIndex
        while start < bytes.endIndex || number == 0 {
            number += 1
            let newlineIndex = bytes[start...].firstIndex(of: newline)
            var end = newlineIndex ?? bytes.endIndex
            // As the Character path: a CR before the LF belongs to the separator ("\r\n" is one
            // Character), and then one trailing CR more is dropped.
            if newlineIndex != nil, end > start, bytes[bytes.index(before: end)] == carriageReturn {
                end = bytes.index(before: end)
            }
            if end > start, bytes[bytes.index(before: end)] == carriageReturn { end = bytes.index(before: end) }
            let line = bytes[start..<end]
            if line.contains(where: { !isASCIIWhitespace($0) }) {
                lines.append((number, Substring(line)))
            }
            guard let newlineIndex else { break }
            start = bytes.index(after: newlineIndex)
            if start == bytes.endIndex { break }
        }
        return lines
    }

    /// `Character.isWhitespace` restricted to ASCII: tab, LF, VT, FF, CR and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func numberedCharacterLines(_ text: String) -> [(number: Int, text: Substring)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated().compactMap { offset, line in
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            guard trimmed.contains(where: { !$0.isWhitespace }) else { return nil }
            return (offset + 1, Substring(trimmed))
        }
    }

    private static func isNumeric(_ field: Substring) -> Bool {
        UInt64(field) != nil || Int64(field) != nil
    }
}

/// Counters parsed leniently, with the problems found on the way.
public struct NetstatParseResult: Sendable, Hashable {
    public let counters: NetstatCounters
    public let problems: [NetstatParseError]
}

/// `Prefix: field field ...`
private struct SectionLine {
    let section: NetstatSection
    let fields: [Substring]

    init?(_ line: Substring) {
        guard let name = Self.sectionName(of: line), let colon = line.firstIndex(of: ":") else { return nil }
        section = NetstatSection(rawValue: String(name))
        let rest = line[line.index(after: colon)...]
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            // For ASCII text every Character is one byte; splitting bytes is much cheaper.
            fields = rest.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
                .map { Substring($0) }
        } else {
            fields = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        }
    }

    /// The prefix before the first `:`, blanks trimmed; nil when there is no colon, or the prefix
    /// is empty or has inner blanks.
    static func sectionName(of line: Substring) -> Substring? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let prefix = line[..<colon].trimmingBlanks()
        guard !prefix.isEmpty, !prefix.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        return prefix
    }
}

extension Substring {
    fileprivate func trimmingBlanks() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
