/// Everything one `pawsguard lint` run found, ready for any output format.
public struct LintReport: Sendable {
    /// What the exit status says.
    public enum Outcome: Sendable, Hashable {
        /// No finding at or above `--fail-on`, and every file could be read.
        case clean
        /// A finding at or above `--fail-on` (exit 1).
        case findings
        /// Some input could not be read, and nothing at or above `--fail-on` was found (exit 2).
        case incompleteInput
    }

    public var toolVersion: String
    public var ruleSet: LintRuleSet
    /// Findings in report order, suppressed ones included (`isSuppressed`).
    public var findings: [LintFinding]
    public var notices: [LintNotice]
    /// Files not checked, with their reason; routine ones (binary, documentation) only when listed.
    public var skipped: [LintSkip]
    /// Routine skips that were counted instead of listed, by reason code (`binary`, `documentation`).
    public var unlistedSkips: [String: Int]
    /// Files read (whether or not they mention a watched key).
    public var filesChecked: Int
    /// Files left out by `--exclude` and `.pawsguardignore`.
    public var filesExcluded: Int
    public var failOn: LintCheck.Level
    /// The repository root (git top level, else the current directory): SARIF URIs are relative
    /// to it (`%SRCROOT%`), as code scanning expects.
    public var sourceRoot: String?
    /// The directory relative report paths start from.
    public var currentDirectory: String?

    public init(
        toolVersion: String, ruleSet: LintRuleSet, findings: [LintFinding], notices: [LintNotice], skipped: [LintSkip],
        unlistedSkips: [String: Int] = [:], filesChecked: Int, filesExcluded: Int, failOn: LintCheck.Level,
        sourceRoot: String? = nil, currentDirectory: String? = nil
    ) {
        self.toolVersion = toolVersion
        self.ruleSet = ruleSet
        self.findings = findings.sorted(by: LintFinding.reportOrder)
        self.notices = notices.sorted { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }
        self.skipped = skipped.sorted { $0.path < $1.path }
        self.unlistedSkips = unlistedSkips
        self.filesChecked = filesChecked
        self.filesExcluded = filesExcluded
        self.failOn = failOn
        self.sourceRoot = sourceRoot
        self.currentDirectory = currentDirectory ?? sourceRoot
    }

    public var activeFindings: [LintFinding] { findings.filter { !$0.isSuppressed } }
    public var suppressedFindings: [LintFinding] { findings.filter(\.isSuppressed) }
    public var problems: [LintSkip] { skipped.filter(\.isProblem) }

    /// Every skip, listed or counted, by reason code.
    public var skipsByReason: [String: Int] {
        var counts = unlistedSkips
        for skip in skipped { counts[skip.code, default: 0] += 1 }
        return counts
    }

    public var filesSkipped: Int { skipsByReason.values.reduce(0, +) }

    public func count(_ level: LintCheck.Level) -> Int {
        activeFindings.filter { $0.level == level }.count
    }

    /// True for a finding that fails the run.
    public func fails(_ finding: LintFinding) -> Bool {
        !finding.isSuppressed && finding.level >= failOn
    }

    public var outcome: Outcome {
        if findings.contains(where: fails) { return .findings }
        if !problems.isEmpty { return .incompleteInput }
        return .clean
    }

    /// One line for the end of a run: `3 findings (2 errors, 1 warning, 0 notes) in 2 files; ...`.
    public var summary: String {
        let active = activeFindings
        let files = Set(active.map(\.location.path)).count
        var parts = [
            "\(active.count) finding\(active.count == 1 ? "" : "s") (\(count(.error)) error\(count(.error) == 1 ? "" : "s"), "
                + "\(count(.warning)) warning\(count(.warning) == 1 ? "" : "s"), \(count(.note)) note\(count(.note) == 1 ? "" : "s")) "
                + "in \(files) file\(files == 1 ? "" : "s")"
        ]
        if !suppressedFindings.isEmpty { parts.append("\(suppressedFindings.count) suppressed") }
        parts.append("\(filesChecked) file\(filesChecked == 1 ? "" : "s") checked")
        if filesSkipped > 0 {
            let byReason = skipsByReason.map { "\($0.key) \($0.value)" }.sorted()
            parts.append("\(filesSkipped) skipped (\(byReason.joined(separator: ", ")))")
        }
        if filesExcluded > 0 { parts.append("\(filesExcluded) excluded") }
        if !ruleSet.inactiveRules.isEmpty {
            let reason = ruleSet.targetKernel.map { "not for kernel \($0)" } ?? "off without --target-kernel"
            parts.append("\(reason): \(ruleSet.inactiveRules.map(\.id).joined(separator: ", "))")
        }
        return parts.joined(separator: "; ")
    }
}
