/// SARIF 2.1.0 as GitHub code scanning reads it: one run; the rules with stable ids, descriptions
/// and help; results with `ruleId`, level, a location with a relative URI under `%SRCROOT%`, the
/// line as a snippet, and `partialFingerprints`. Suppressed findings are left out: code scanning
/// does not act on SARIF `suppressions` and would open alerts for them (an alert closes when its
/// result disappears); JSON keeps them. Notices and unreadable files go to the invocation's
/// `toolExecutionNotifications`.
public struct LintSARIFFormatter: LintReportFormatter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/pawsguard/pawsguard/blob/main/docs/LINT.md"

    public init() {}

    public func render(_ report: LintReport) -> String {
        let rules = report.ruleSet.rules
        let ruleIndex = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let locator = ArtifactLocator(sourceRoot: report.sourceRoot, currentDirectory: report.currentDirectory)
        var baseIDs: [String: ArtifactLocation]?
        if let root = report.sourceRoot {
            baseIDs = [ArtifactLocator.baseID: ArtifactLocation(uri: Self.fileURI(directory: root), uriBaseId: nil)]
        }
        let run = Run(
            tool: Tool(driver: Driver(
                name: "pawsguard", version: report.toolVersion, semanticVersion: report.toolVersion,
                informationUri: Self.informationURI, rules: rules.map(Self.rule))),
            originalUriBaseIds: baseIDs,
            results: report.activeFindings.map { Self.result($0, ruleIndex: ruleIndex[$0.ruleID], locator: locator) },
            invocations: [Invocation(
                executionSuccessful: report.problems.isEmpty,
                toolExecutionNotifications: report.notices.map { Self.notification($0, locator: locator) }
                    + report.skipped.filter(\.isProblem).map { Self.notification($0, locator: locator) })],
            columnKind: "unicodeCodePoints")
        return LintJSON.encode(Log(schema: Self.schema, version: "2.1.0", runs: [run]))
    }

    private static func rule(_ rule: LintRuleDescriptor) -> ReportingDescriptor {
        var markdown = "**\(rule.title)**\n\n\(rule.message)"
        if !rule.remediation.isEmpty { markdown += "\n\n**Fix:** \(rule.remediation)" }
        if !rule.references.isEmpty { markdown += "\n\n" + rule.references.map { "- <\($0)>" }.joined(separator: "\n") }
        return ReportingDescriptor(
            id: rule.id, name: pascalCase(rule.id), shortDescription: Message(text: rule.title),
            fullDescription: Message(text: rule.message), help: MultiformatMessage(text: rule.helpText, markdown: markdown),
            helpUri: rule.references.first ?? informationURI,
            defaultConfiguration: Configuration(level: rule.level.rawValue),
            properties: RuleProperties(tags: ["reliability", "networking", "sysctl"], precision: "high", playbook: rule.playbookID))
    }

    private static func result(_ finding: LintFinding, ruleIndex: Int?, locator: ArtifactLocator) -> Result {
        let location = finding.location
        return Result(
            ruleId: finding.ruleID, ruleIndex: ruleIndex, level: finding.level.rawValue,
            message: Message(text: "\(finding.foundText): \(finding.message)"),
            locations: [Location(physicalLocation: PhysicalLocation(
                artifactLocation: locator.artifact(location.path),
                region: Region(startLine: location.line, startColumn: location.column, snippet: Message(text: finding.snippet))))],
            partialFingerprints: [LintFingerprint.version: finding.fingerprint],
            properties: ResultProperties(
                key: finding.candidate.key.dotted, value: finding.candidate.rawValue, form: finding.candidate.context.form.rawValue))
    }

    private static func notification(_ notice: LintNotice, locator: ArtifactLocator) -> Notification {
        Notification(
            level: "note", message: Message(text: notice.message), descriptor: Descriptor(id: notice.code),
            locations: [Location(physicalLocation: PhysicalLocation(
                artifactLocation: locator.artifact(notice.location.path),
                region: Region(startLine: notice.location.line, startColumn: nil, snippet: nil)))])
    }

    private static func notification(_ skip: LintSkip, locator: ArtifactLocator) -> Notification {
        Notification(
            level: "error", message: Message(text: skip.message), descriptor: Descriptor(id: skip.code),
            locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: locator.artifact(skip.path), region: nil))])
    }

    /// `tw-recycle-nat` → `TwRecycleNat`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative path as a URI reference: each segment percent-encoded.
    static func relativeURI(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { percentEncoded(String($0)) }.joined(separator: "/")
    }

    static func fileURI(path: String) -> String {
        "file://" + relativeURI(path)
    }

    static func fileURI(directory: String) -> String {
        fileURI(path: directory.hasSuffix("/") ? directory : directory + "/")
    }

    private static func percentEncoded(_ segment: String) -> String {
        var encoded = ""
        for byte in segment.utf8 {
            if ASCII.isIdentifier(byte) || byte == ASCII.dash || byte == ASCII.dot || byte == ASCII.tilde {
                encoded.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    /// Report paths (relative to the current directory, or absolute) as SARIF artifact locations:
    /// relative to `%SRCROOT%` when below the source root, absolute `file://` URIs otherwise.
    struct ArtifactLocator {
        static let baseID = "%SRCROOT%"
        let sourceRoot: String?
        let currentDirectory: String?

        func artifact(_ path: String) -> ArtifactLocation {
            let absolute = path.hasPrefix("/") ? path : ((currentDirectory ?? "") + "/" + path)
            let normalised = Self.normalised(absolute)
            if let root = sourceRoot.map(Self.normalised) {
                let prefix = root.hasSuffix("/") ? root : root + "/"
                if normalised.hasPrefix(prefix) {
                    return ArtifactLocation(uri: relativeURI(String(normalised.dropFirst(prefix.count))), uriBaseId: Self.baseID)
                }
            }
            if !path.hasPrefix("/"), currentDirectory == nil { return ArtifactLocation(uri: relativeURI(path), uriBaseId: nil) }
            return ArtifactLocation(uri: fileURI(path: normalised), uriBaseId: nil)
        }

        /// Without `.` segments and doubled slashes.
        private static func normalised(_ path: String) -> String {
            let parts = path.split(separator: "/").filter { $0 != "." }
            return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        }
    }

    // MARK: - SARIF objects (only what pawsguard writes)

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: ArtifactLocation]?
        let results: [Result]
        let invocations: [Invocation]
        let columnKind: String
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: MultiformatMessage
        let helpUri: String
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct RuleProperties: Encodable {
        let tags: [String]
        let precision: String
        let playbook: String
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct Message: Encodable {
        let text: String
    }

    struct MultiformatMessage: Encodable {
        let text: String
        let markdown: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let properties: ResultProperties
    }

    struct ResultProperties: Encodable {
        let key: String
        let value: String
        let form: String
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int?
        let snippet: Message?
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let descriptor: Descriptor
        let locations: [Location]
    }

    struct Descriptor: Encodable {
        let id: String
    }
}
