/// The output formats of `pawsguard lint`.
public enum LintOutputFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Compiler style, `file:line:col: severity: message [rule]`, one finding per line.
    case text
    case json
    /// SARIF 2.1.0, as GitHub code scanning accepts it.
    case sarif
    /// JUnit XML for CI test reports (GitLab, Jenkins).
    case junit
    /// GitHub Actions workflow commands (`::error file=...`): annotations on the pull request.
    case github

    public var description: String { rawValue }

    public static func parse(_ name: String) -> LintOutputFormat? {
        LintOutputFormat(rawValue: name.lowercased())
    }

    /// The format a file name implies: `.sarif`, `.json`, `.xml`, `.txt`.
    public static func inferred(fromPath path: String) -> LintOutputFormat? {
        let name = path.lowercased()
        if name.hasSuffix(".sarif") || name.hasSuffix(".sarif.json") { return .sarif }
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".xml") { return .junit }
        if name.hasSuffix(".txt") || name.hasSuffix(".log") { return .text }
        return nil
    }

    public func formatter(color: Bool = false) -> any LintReportFormatter {
        switch self {
        case .text: return LintTextFormatter(color: color)
        case .json: return LintJSONFormatter()
        case .sarif: return LintSARIFFormatter()
        case .junit: return LintJUnitFormatter()
        case .github: return LintGitHubFormatter()
        }
    }
}
