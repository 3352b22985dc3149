/// The report as JSON (`schemaVersion` 1, documented in docs/LINT.md): findings, suppressed
/// findings, notices, skipped files and a summary with the exit status.
public struct LintJSONFormatter: LintReportFormatter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        let document = Document(
            schemaVersion: 1, tool: Tool(name: "pawsguard", version: report.toolVersion),
            failOn: report.failOn.rawValue, targetKernel: report.ruleSet.targetKernel?.description,
            rules: report.ruleSet.rules.map {
                Rule(id: $0.id, playbook: $0.playbookID, level: $0.level.rawValue, title: $0.title, key: $0.key.dotted)
            },
            summary: Summary(
                filesChecked: report.filesChecked, filesSkipped: report.filesSkipped, skippedByReason: report.skipsByReason,
                filesExcluded: report.filesExcluded,
                errors: report.count(.error), warnings: report.count(.warning), notes: report.count(.note),
                suppressed: report.suppressedFindings.count, unreadable: report.problems.count, outcome: Self.outcome(report.outcome)),
            findings: report.activeFindings.map(Finding.init),
            suppressed: report.suppressedFindings.map(Finding.init),
            notices: report.notices.map {
                Notice(path: $0.location.path, line: $0.location.line, code: $0.code, message: $0.message)
            },
            skipped: report.skipped.map { Skipped(path: $0.path, reason: $0.code, message: $0.message, problem: $0.isProblem) })
        return LintJSON.encode(document)
    }

    static func outcome(_ outcome: LintReport.Outcome) -> String {
        switch outcome {
        case .clean: return "clean"
        case .findings: return "findings"
        case .incompleteInput: return "incomplete-input"
        }
    }

    struct Document: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let failOn: String
        let targetKernel: String?
        let rules: [Rule]
        let summary: Summary
        let findings: [Finding]
        let suppressed: [Finding]
        let notices: [Notice]
        let skipped: [Skipped]
    }

    struct Tool: Encodable {
        let name: String
        let version: String
    }

    struct Rule: Encodable {
        let id: String
        let playbook: String
        let level: String
        let title: String
        let key: String
    }

    struct Summary: Encodable {
        let filesChecked: Int
        let filesSkipped: Int
        let skippedByReason: [String: Int]
        let filesExcluded: Int
        let errors: Int
        let warnings: Int
        let notes: Int
        let suppressed: Int
        let unreadable: Int
        let outcome: String
    }

    struct Finding: Encodable {
        let ruleId: String
        let level: String
        let path: String
        let line: Int
        let column: Int?
        let key: String
        let value: String
        let normalisedValue: String?
        let source: String
        let form: String
        let message: String
        let snippet: String
        let fingerprint: String
        let suppression: Suppression?

        init(_ finding: LintFinding) {
            ruleId = finding.ruleID
            level = finding.level.rawValue
            path = finding.location.path
            line = finding.location.line
            column = finding.location.column
            key = finding.candidate.key.dotted
            value = finding.candidate.rawValue
            normalisedValue = finding.candidate.normalisedValue
            source = finding.candidate.context.source.rawValue
            form = finding.candidate.context.form.rawValue
            message = finding.message
            snippet = finding.snippet
            fingerprint = finding.fingerprint
            suppression = finding.suppression.map { Suppression(line: $0.location.line, reason: $0.reason) }
        }
    }

    struct Suppression: Encodable {
        let line: Int
        let reason: String?
    }

    struct Notice: Encodable {
        let path: String
        let line: Int
        let code: String
        let message: String
    }

    struct Skipped: Encodable {
        let path: String
        let reason: String
        let message: String
        let problem: Bool
    }
}
