/// `sysctl.conf` and `sysctl.d/*.conf`: read with the audit's own parser, so lint and audit agree
/// on what a line sets (comments with `#` or `;`, `-key`, `/` separators, CRLF, globs). Only lines
/// that mention a watched key or hold a glob can set one; the parser reads those, one at a time.
struct SysctlConfExtractor: SysctlAssignmentExtractor {
    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        for line in LineTable(buffer.bytes, range: buffer.range).lines where mayAssign(buffer.bytes, line, session.watched) {
            let file = SysctlFileParser.parse(Array(buffer.bytes[line]), path: session.source.path)
            for entry in file.entries {
                guard let value = entry.value else { continue }
                let keys = entry.isGlob ? session.watched.keys.filter { entry.key.globMatches($0) }.sorted() : [entry.key]
                for key in keys where session.watched.keys.contains(key) {
                    let offset = line.lowerBound + entry.keyRange.lowerBound
                    session.emit(key: key, keyText: entry.rawKey, atLocal: offset, in: buffer, rawValue: value, form: .sysctlLine)
                }
            }
        }
    }

    private func mayAssign(_ bytes: [UInt8], _ line: Range<Int>, _ watched: WatchedKeys) -> Bool {
        bytes[line].contains { $0 == ASCII.asterisk || $0 == ASCII.question || $0 == ASCII.openBracket }
            || watched.mentioned(in: bytes, range: line)
    }
}
