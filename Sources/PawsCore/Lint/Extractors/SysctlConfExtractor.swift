/// `sysctl.conf` and `sysctl.d/*.conf`: read with the audit's own parser, so lint and audit agree
/// on what a line sets (comments with `#` or `;`, `-key`, `/` separators, CRLF, globs).
struct SysctlConfExtractor: SysctlAssignmentExtractor {
    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        let bytes = Array(buffer.bytes[buffer.range])
        let file = SysctlFileParser.parse(bytes, path: session.source.path)
        for entry in file.entries {
            guard let value = entry.value else { continue }
            let keys = entry.isGlob ? session.watched.keys.filter { entry.key.globMatches($0) }.sorted() : [entry.key]
            for key in keys where session.watched.keys.contains(key) {
                let offset = buffer.range.lowerBound + entry.keyRange.lowerBound
                session.emit(key: key, keyText: entry.rawKey, atLocal: offset, in: buffer, rawValue: value, form: .sysctlLine)
            }
        }
    }
}
