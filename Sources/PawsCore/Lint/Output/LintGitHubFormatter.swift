/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request
/// (`::error file=...,line=...,col=...,title=...::message`); notes become `::notice`. Notices about
/// files and unreadable files are annotations too, so nothing is silently lost.
public struct LintGitHubFormatter: LintReportFormatter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var lines: [String] = []
        for finding in report.activeFindings {
            let location = finding.location
            var properties = ["file=\(Self.property(location.path))", "line=\(location.line)"]
            if let column = location.column { properties.append("col=\(column)") }
            properties.append("title=\(Self.property("pawsguard \(finding.ruleID)"))")
            lines.append("::\(Self.command(for: finding.level)) \(properties.joined(separator: ","))::"
                + Self.data("\(finding.foundText): \(finding.message) [\(finding.ruleID)]"))
        }
        for notice in report.notices {
            lines.append("::notice file=\(Self.property(notice.location.path)),line=\(notice.location.line),"
                + "title=\(Self.property("pawsguard \(notice.code)"))::\(Self.data(notice.message))")
        }
        for problem in report.problems {
            lines.append("::error file=\(Self.property(problem.path)),title=\(Self.property("pawsguard \(problem.code)"))::"
                + Self.data(problem.message))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private static func command(for level: LintCheck.Level) -> String {
        switch level {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// The message part: `%`, CR and LF escaped as the runner expects.
    static func data(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            case "\r\n": escaped += "%0D%0A"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A property value: also `:` and `,`, which separate properties.
    static func property(_ text: String) -> String {
        data(text).replacingCharacters(":", with: "%3A").replacingCharacters(",", with: "%2C")
    }
}

extension String {
    fileprivate func replacingCharacters(_ character: Character, with replacement: String) -> String {
        var result = ""
        for current in self {
            if current == character { result += replacement } else { result.append(current) }
        }
        return result
    }
}
