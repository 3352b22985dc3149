/// What the extractors of one file share while they run: the file, the watched keys, and the
/// candidates and notices found so far. Lives for one `Linter.lint` call on one thread.
final class ExtractionSession {
    let source: LintSourceText
    let watched: WatchedKeys
    let kind: LintSourceKind
    private(set) var candidates: [SysctlAssignmentCandidate] = []
    private(set) var notices: [LintNotice] = []
    private var seen: Set<CandidateIdentity> = []
    /// How deep text-inside-text recursion is (`sh -c "ssh host 'sysctl ...'"`); bounded.
    var depth = 0
    static let maximumDepth = 6

    init(source: LintSourceText, watched: WatchedKeys, kind: LintSourceKind) {
        self.source = source
        self.watched = watched
        self.kind = kind
    }

    var lineRecogniser: SysctlLineRecogniser { SysctlLineRecogniser(watched: watched) }

    /// The file offset of a key found at `localOffset` of `buffer` (see `ScanBuffer`).
    func fileOffset(ofKey keyText: String, atLocal localOffset: Int, in buffer: ScanBuffer) -> Int {
        switch buffer.placement {
        case .exact:
            return localOffset
        case .fixed(let offset):
            return offset
        case .searchFrom(let base):
            let needle = Array(keyText.utf8)
            if let found = source.firstOffset(of: needle, from: base + localOffset) { return found }
            if let found = source.firstOffset(of: needle, from: base) { return found }
            return min(base, source.bytes.count)
        }
    }

    /// The file offset of a buffer offset where no key text can be searched for (notices).
    func approximateFileOffset(_ localOffset: Int, in buffer: ScanBuffer) -> Int {
        switch buffer.placement {
        case .exact: return localOffset
        case .searchFrom(let base): return min(base + localOffset, source.bytes.count)
        case .fixed(let offset): return offset
        }
    }

    /// Records an assignment found at a file offset. The same key at the same place is recorded
    /// once: several recognisers may read one assignment, and the first (most specific) wins.
    func emit(
        key: SysctlKey, atFileOffset offset: Int, rawValue: String, form: AssignmentForm, valueFileOffset: Int? = nil
    ) {
        guard seen.insert(CandidateIdentity(key: key, offset: offset)).inserted else { return }
        let location = source.location(ofOffset: offset)
        var valueLocation: SourceLocation?
        if let valueFileOffset {
            let candidateValueLocation = source.location(ofOffset: valueFileOffset)
            if candidateValueLocation.line != location.line { valueLocation = candidateValueLocation }
        }
        candidates.append(SysctlAssignmentCandidate(
            key: key, rawValue: rawValue.trimmingSurroundingBlanks(), normalisedValue: LintValueNormaliser.normalise(rawValue),
            location: location, valueLocation: valueLocation, context: AssignmentContext(source: kind, form: form)))
    }

    /// Records an assignment found in a buffer; `valueAtLocal` is where the value is written, when
    /// that may be another line.
    func emit(
        key: SysctlKey, keyText: String, atLocal localOffset: Int, in buffer: ScanBuffer, rawValue: String,
        form: AssignmentForm, valueAtLocal: Int? = nil
    ) {
        let keyOffset = fileOffset(ofKey: keyText, atLocal: localOffset, in: buffer)
        var valueOffset: Int?
        if let valueAtLocal {
            let probe = String(rawValue.trimmingSurroundingBlanks().prefix(24))
            valueOffset = probe.isEmpty ? nil : fileOffset(ofKey: probe, atLocal: valueAtLocal, in: buffer)
        }
        emit(key: key, atFileOffset: keyOffset, rawValue: rawValue, form: form, valueFileOffset: valueOffset)
    }

    func note(_ kind: LintNotice.Kind, atFileOffset offset: Int) {
        notices.append(LintNotice(location: source.location(ofOffset: offset), kind: kind))
    }

    /// Runs `body` one level deeper, unless the recursion is already too deep.
    func nested(_ body: () -> Void) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        body()
        depth -= 1
    }

    private struct CandidateIdentity: Hashable {
        let key: SysctlKey
        let offset: Int
    }
}
