/// JUnit XML for CI test reports: one test case per finding (a `<failure>` when it fails the run,
/// passing with the message in `<system-out>` below `--fail-on`), one `<error>` case per file that
/// could not be read, and a single passing case when there is nothing to report.
public struct LintJUnitFormatter: LintReportFormatter {
    public init() {}

    public func render(_ report: LintReport) -> String {
        var cases: [String] = []
        var failures = 0
        for finding in report.activeFindings {
            let location = finding.location
            let text = "\(location): \(finding.level.rawValue): \(finding.foundText): \(finding.message) [\(finding.ruleID)]"
            let head = "    <testcase classname=\"pawsguard.lint.\(XMLText.escape(finding.ruleID))\" "
                + "name=\"\(XMLText.escape(location.description))\" file=\"\(XMLText.escape(location.path))\" line=\"\(location.line)\">\n"
            if report.fails(finding) {
                failures += 1
                cases.append(head + "      <failure type=\"\(finding.level.rawValue)\" message=\"\(XMLText.escape(finding.message))\">"
                    + XMLText.escape(text) + "</failure>\n    </testcase>\n")
            } else {
                cases.append(head + "      <system-out>\(XMLText.escape(text))</system-out>\n    </testcase>\n")
            }
        }
        for problem in report.problems {
            cases.append("    <testcase classname=\"pawsguard.lint.input\" name=\"\(XMLText.escape(problem.path))\">\n"
                + "      <error type=\"\(problem.code)\" message=\"\(XMLText.escape(problem.message))\"/>\n    </testcase>\n")
        }
        if cases.isEmpty {
            cases.append("    <testcase classname=\"pawsguard.lint\" name=\"\(report.filesChecked) files checked\"/>\n")
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(report.problems.count)\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"pawsguard lint\" \(counts)>\n"
            + "  <testsuite name=\"pawsguard lint\" \(counts) skipped=\"0\">\n"
            + cases.joined()
            + "  </testsuite>\n</testsuites>\n"
    }
}
