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
