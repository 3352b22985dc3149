/// Reads one kind of source for sysctl assignments. Each extractor knows one syntax; what they
/// find goes into the session as `SysctlAssignmentCandidate`s, which the rule matcher then reads.
protocol SysctlAssignmentExtractor {
    /// Reads `buffer` (the whole file, or text embedded in another file) into the session.
    func extract(from buffer: ScanBuffer, session: ExtractionSession)
}

extension SysctlAssignmentExtractor {
    /// The candidates of a whole file read with this extractor alone.
    func candidates(path: String, bytes: [UInt8], watchedKeys: Set<SysctlKey>, kind: LintSourceKind) -> [SysctlAssignmentCandidate] {
        let session = ExtractionSession(source: LintSourceText(path: path, bytes: bytes), watched: WatchedKeys(watchedKeys), kind: kind)
        extract(from: ScanBuffer(bytes: bytes, range: 0..<bytes.count, placement: .exact), session: session)
        return session.candidates
    }
}

/// Text found inside another syntax (a YAML scalar, an HCL string, a Puppet string): read both as
/// shell code and line by line, since it may be either (`runcmd` entries, `content: |` files).
struct EmbeddedTextExtractor: SysctlAssignmentExtractor {
    var lineForm: AssignmentForm = .sysctlLine

    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        guard session.watched.mentioned(in: buffer.bytes, range: buffer.range) else { return }
        if let dispatched = EmbeddedTextExtractor.documentKind(of: buffer), dispatched == .yaml {
            session.nested { YAMLExtractor().extract(from: buffer, session: session) }
            return
        }
        session.nested { ShellScanner(session: session).scan(buffer) }
        session.nested { GenericTextScanner(session: session, lineForm: lineForm).scan(buffer) }
    }

    /// Embedded text that announces its own syntax: `#cloud-config` is YAML.
    static func documentKind(of buffer: ScanBuffer) -> LintSourceKind? {
        let start = TextLine.skipBlanks(buffer.bytes, from: buffer.range.lowerBound, before: buffer.range.upperBound)
        let marker = Array("#cloud-config".utf8)
        guard buffer.range.upperBound - start >= marker.count else { return nil }
        return buffer.bytes[start..<(start + marker.count)].elementsEqual(marker) ? .yaml : nil
    }
}
