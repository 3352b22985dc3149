/// The lint engine: bytes of one file in, findings out, through a consumer. Pure: reading files,
/// walking directories and asking git are the caller's business.
///
///     let linter = Linter(ruleSet: try LintRuleSet(playbooks: [playbook], targetKernel: nil))
///     var result = LintFileResult()
///     linter.lint(path: "roles/net/tasks/main.yml", bytes: bytes, into: &result)
///
/// A file that does not mention any watched key is done after one fast scan (`prefilter`). Others
/// are read by the extractor for their kind; each assignment is checked against the rules, and
/// inline suppressions are applied.
public struct Linter: Sendable {
    public let ruleSet: LintRuleSet
    public let prefilter: LintPrefilter
    let watched: WatchedKeys

    /// A line this long is reported (and still checked).
    public static let longLineThreshold = 1 << 20

    public init(ruleSet: LintRuleSet) {
        self.ruleSet = ruleSet
        watched = WatchedKeys(ruleSet.watchedKeys)
        prefilter = LintPrefilter(watched: watched)
    }

    /// Lints one file. `path` is how findings name the file.
    public func lint(path: String, bytes: [UInt8], into consumer: inout some LintConsumer) {
        guard !ruleSet.rules.isEmpty, prefilter.matches(bytes) else { return }
        let kind = LintSourceClassifier.kind(forPath: path, content: bytes)
        guard kind != .documentation, watched.mentionedOutsideCommentLines(in: bytes) else { return }
        let source = LintSourceText(path: path, bytes: bytes)
        let session = ExtractionSession(source: source, watched: watched, kind: kind)
        Self.extractor(for: kind).extract(from: ScanBuffer(bytes: bytes, range: 0..<bytes.count, placement: .exact), session: session)
        reportFileNotices(source: source, into: &consumer)
        for notice in session.notices { consumer.consume(notice) }
        guard !session.candidates.isEmpty else { return }
        applyRules(to: session.candidates, source: source, into: &consumer)
    }

    /// Lints one file and collects the result.
    public func lint(path: String, bytes: [UInt8]) -> LintFileResult {
        var result = LintFileResult()
        lint(path: path, bytes: bytes, into: &result)
        return result
    }

    static func extractor(for kind: LintSourceKind) -> any SysctlAssignmentExtractor {
        switch kind {
        case .sysctlConfig: return SysctlConfExtractor()
        case .shell: return ShellExtractor()
        case .dockerfile: return DockerfileExtractor()
        case .yaml, .salt: return YAMLExtractor(blanksTemplateStatements: true)
        case .terraform: return TerraformExtractor()
        case .puppet: return PuppetExtractor()
        case .text, .documentation: return KeyValueMapExtractor()
        }
    }

    private func applyRules(to candidates: [SysctlAssignmentCandidate], source: LintSourceText, into consumer: inout some LintConsumer) {
        let suppressions = LintSuppressionScanner(source: source)
        var occurrences: [String: Int] = [:]
        var usedComments: Set<Int> = []
        let ordered = candidates.sorted { ($0.location.line, $0.location.column ?? 0) < ($1.location.line, $1.location.column ?? 0) }
        for candidate in ordered {
            for rule in ruleSet.rules(triggeredBy: candidate) {
                let lineText = source.lineText(candidate.location.line)
                let occurrenceKey = "\(rule.id)\u{0}\(candidate.key.dotted)\u{0}\(lineText)"
                let occurrence = occurrences[occurrenceKey, default: 0]
                occurrences[occurrenceKey] = occurrence + 1
                var finding = LintFinding(
                    ruleID: rule.id, level: rule.level, message: rule.message, candidate: candidate,
                    fingerprint: LintFingerprint.compute(
                        ruleID: rule.id, path: source.path, key: candidate.key, lineText: lineText, occurrence: occurrence),
                    snippet: String(lineText.trimmingSurroundingBlanks().prefix(240)))
                if let comment = suppressions.suppression(of: rule.id, line: candidate.location.line, valueLine: candidate.valueLocation?.line) {
                    finding.suppression = LintSuppression(
                        location: SourceLocation(path: source.path, line: comment.line), ruleIDs: comment.ruleIDs, reason: comment.reason)
                    if comment.reason == nil, usedComments.insert(comment.line).inserted {
                        consumer.consume(LintNotice(
                            location: SourceLocation(path: source.path, line: comment.line),
                            kind: .suppressionWithoutReason(ruleIDs: comment.ruleIDs)))
                    }
                }
                consumer.consume(finding)
            }
        }
        for comment in suppressions.comments.values.sorted(by: { $0.line < $1.line }) {
            for ruleID in comment.ruleIDs where !ruleSet.knownRuleIDs.contains(ruleID) {
                consumer.consume(LintNotice(
                    location: SourceLocation(path: source.path, line: comment.line),
                    kind: .unknownRuleInSuppression(ruleID: ruleID, known: ruleSet.rules.map(\.id))))
            }
        }
    }

    /// Long lines, and the first line with bytes that are not UTF-8.
    private func reportFileNotices(source: LintSourceText, into consumer: inout some LintConsumer) {
        for index in 0..<source.lineCount {
            let line = source.lineContent(index: index)
            if line.count >= Self.longLineThreshold {
                consumer.consume(LintNotice(location: SourceLocation(path: source.path, line: index + 1), kind: .longLine(bytes: line.count)))
            }
        }
        guard let invalid = UTF8Validation.firstInvalidOffset(source.bytes) else { return }
        consumer.consume(LintNotice(location: SourceLocation(path: source.path, line: source.lineIndex(ofOffset: invalid) + 1), kind: .invalidUTF8))
    }
}
