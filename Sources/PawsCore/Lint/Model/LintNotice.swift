/// Something about a checked file that is not a finding but that a user should know: the file was
/// checked in a degraded way, or a suppression comment needs attention. Never changes the exit status.
public struct LintNotice: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// YAML that does not parse; the file was checked line by line instead.
        case brokenYAML(problem: String)
        /// Aliases expand to more nodes than a sane file has; the file was checked line by line.
        case yamlTooLarge(nodes: Int)
        /// Bytes that are not UTF-8 on this line; they were read as U+FFFD.
        case invalidUTF8
        /// A line this long (in bytes) is generated or minified text; it was checked all the same.
        case longLine(bytes: Int)
        /// A suppression without a reason: honoured, but the next reader will not know why.
        case suppressionWithoutReason(ruleIDs: [String])
        /// A suppression names a rule that no loaded playbook has.
        case unknownRuleInSuppression(ruleID: String, known: [String])
        /// Content the linter cannot decode (gzip-compressed cloud-init `write_files`).
        case encodedContent(encoding: String)
    }

    public var location: SourceLocation
    public var kind: Kind

    public init(location: SourceLocation, kind: Kind) {
        self.location = location
        self.kind = kind
    }

    /// A short stable name for JSON and SARIF.
    public var code: String {
        switch kind {
        case .brokenYAML: return "broken-yaml"
        case .yamlTooLarge: return "yaml-too-large"
        case .invalidUTF8: return "invalid-utf8"
        case .longLine: return "long-line"
        case .suppressionWithoutReason: return "suppression-without-reason"
        case .unknownRuleInSuppression: return "unknown-rule-in-suppression"
        case .encodedContent: return "encoded-content"
        }
    }

    /// The message without the location.
    public var message: String {
        switch kind {
        case .brokenYAML(let problem):
            return "not valid YAML (\(problem)); checked line by line instead, so findings may be less precise. "
                + "Fix the YAML, or exclude the file if it is a template."
        case .yamlTooLarge(let nodes):
            return "YAML aliases expand to more than \(nodes) nodes; checked line by line instead."
        case .invalidUTF8:
            return "the line holds bytes that are not UTF-8; they were read as U+FFFD. Check the file's encoding."
        case .longLine(let bytes):
            return "a \(bytes)-byte line (generated or minified?); checked all the same."
        case .suppressionWithoutReason(let ruleIDs):
            return "suppression of \(ruleIDs.joined(separator: ", ")) gives no reason; it is honoured, but "
                + "write why the line is safe after the bracket: `# pawsguard: ignore[\(ruleIDs.joined(separator: ","))] reason`."
        case .unknownRuleInSuppression(let ruleID, let known):
            return "suppression names rule '\(ruleID)', which no loaded playbook has a lint check for "
                + "(known: \(known.joined(separator: ", "))); fix the id or remove the comment."
        case .encodedContent(let encoding):
            return "\(encoding)-encoded content cannot be checked; keep sysctl settings in plain text."
        }
    }

    public var description: String { "\(location): \(message)" }
}
