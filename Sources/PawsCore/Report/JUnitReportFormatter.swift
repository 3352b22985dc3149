/// JUnit XML for CI dashboards: every host is a class, every rule a test.
///
/// One `<testsuite>` holds, per host, a `host-reachable` test (an `<error>` when the host could not be
/// audited) and one test per rule: a `<failure>` when the rule fired on that host, passing otherwise.
/// Rules that fired but are missing from `ruleIDs` are still listed, so no finding is ever hidden.
public struct JUnitReportFormatter: AuditReportFormatter {
    /// Every rule of the playbooks that ran, in playbook order.
    public var ruleIDs: [String]

    public static let reachabilityTestName = "host-reachable"

    public init(ruleIDs: [String]) {
        self.ruleIDs = ruleIDs
    }

    public func render(_ report: AuditReport) -> String {
        let hosts = report.hosts.sorted { ($0.host, $0.address) < ($1.host, $1.address) }
        let rules = allRuleIDs(report)
        var cases: [String] = []
        var failures = 0
        var errors = 0
        for host in hosts {
            let classname = x(host.host)
            let time = seconds(host.durationSeconds)
            guard host.status == .audited else {
                errors += 1
                let kind = host.failure?.kind.rawValue ?? HostFailure.Kind.error.rawValue
                let message = host.failure?.message ?? "no reason recorded"
                cases.append(#"    <testcase classname="\#(classname)" name="\#(Self.reachabilityTestName)" time="\#(time)">"#
                    + "\n" + #"      <error type="\#(x(kind))" message="\#(x(message))">\#(MarkupEscaping.text("\(kind): \(message)"))</error>"#
                    + "\n    </testcase>")
                continue
            }
            cases.append(#"    <testcase classname="\#(classname)" name="\#(Self.reachabilityTestName)" time="\#(time)"/>"#)
            let findingsByRule = Dictionary(grouping: host.findings, by: \.ruleID)
            for rule in rules {
                guard let findings = findingsByRule[rule], let worst = findings.map(\.severity).max() else {
                    cases.append(#"    <testcase classname="\#(classname)" name="\#(x(rule))" time="0"/>"#)
                    continue
                }
                failures += 1
                let title = findings.map(\.title).joined(separator: "; ")
                cases.append(#"    <testcase classname="\#(classname)" name="\#(x(rule))" time="0">"#
                    + "\n" + #"      <failure type="\#(worst.rawValue)" message="\#(x(title))">"#
                    + MarkupEscaping.text(findings.map(failureBody).joined(separator: "\n\n"))
                    + "</failure>\n    </testcase>")
            }
        }
        let suiteName = x("pawsguard audit" + (report.playbooks.isEmpty ? "" : ": " + report.playbooks.joined(separator: ", ")))
        let totalTime = seconds(report.hosts.reduce(0) { $0 + ($1.durationSeconds.isFinite ? $1.durationSeconds : 0) })
        let counts = #"tests="\#(cases.count)" failures="\#(failures)" errors="\#(errors)""#
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        lines.append(#"<testsuites name="pawsguard" \#(counts) time="\#(totalTime)">"#)
        lines.append(#"  <testsuite name="\#(suiteName)" \#(counts) skipped="0" time="\#(totalTime)" timestamp="\#(x(report.generatedAt))">"#)
        lines += cases
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func x(_ value: String) -> String { MarkupEscaping.attribute(value) }

    /// The given rules, then any rule that fired but was not given, in the order first seen.
    private func allRuleIDs(_ report: AuditReport) -> [String] {
        var seen = Set<String>()
        var ordered: [String] = []
        for rule in ruleIDs + report.hosts.flatMap({ $0.findings.map(\.ruleID) }) where seen.insert(rule).inserted {
            ordered.append(rule)
        }
        return ordered
    }

    private func failureBody(_ finding: Finding) -> String {
        var lines = ["[\(finding.severity.rawValue)] \(finding.title)", finding.message]
        if !finding.origins.isEmpty { lines.append("origin: " + finding.origins.map(\.description).joined(separator: ", ")) }
        if !finding.remediation.isEmpty { lines.append("remediation: " + finding.remediation) }
        return lines.joined(separator: "\n")
    }

    private func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < 1e9 else { return "0" }
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
