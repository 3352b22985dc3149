import XCTest

@testable import PawsCore

/// Linters over the built-in playbooks, and compact renderings of what they find.
enum LintTestSupport {
    static func linter(targetKernel: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Linter {
        let playbook = try XCTUnwrap(PlaybookCatalog().builtin(named: PlaybookCatalog.defaultPlaybookID), file: file, line: line)
        let kernel = try targetKernel.map { try XCTUnwrap(KernelVersion($0), file: file, line: line) }
        return Linter(ruleSet: try LintRuleSet(playbooks: [playbook], targetKernel: kernel))
    }

    /// `line:column rule` for each unsuppressed finding, in report order.
    static func findings(
        _ text: String, path: String, targetKernel: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String] {
        let result = try linter(targetKernel: targetKernel, file: file, line: line).lint(path: path, bytes: Array(text.utf8))
        return result.findings.filter { !$0.isSuppressed }.sorted(by: LintFinding.reportOrder).map {
            "\($0.location.line):\($0.location.column ?? 0) \($0.ruleID)"
        }
    }

    /// The candidates an extractor reads from a file, as `line:column key=normalised (form)`.
    static func candidates(_ text: String, path: String, kind: LintSourceKind? = nil) -> [String] {
        let bytes = Array(text.utf8)
        let resolvedKind = kind ?? LintSourceClassifier.kind(forPath: path, content: bytes)
        let keys: Set<SysctlKey> = [.tcpTwRecycle, .tcpTimestamps]
        return Linter.extractor(for: resolvedKind).candidates(path: path, bytes: bytes, watchedKeys: keys, kind: resolvedKind)
            .sorted { ($0.location.line, $0.location.column ?? 0) < ($1.location.line, $1.location.column ?? 0) }
            .map {
                "\($0.location.line):\($0.location.column ?? 0) \($0.key.components.last ?? "")=\($0.normalisedValue ?? "?") (\($0.context.form.rawValue))"
            }
    }
}
