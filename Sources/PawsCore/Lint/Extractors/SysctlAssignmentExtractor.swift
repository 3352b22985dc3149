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
