import XCTest

/// Asserts that `host` has a finding of `rule` with `severity` whose origins are exactly `origins`
/// (`path:line`, effective lines first, as the report lists them), and returns it for further checks.
@discardableResult
func assertFinding(
    _ host: AuditReportDocument.HostEntry, rule: String, severity: String, origins: [String],
    file: StaticString = #filePath, line: UInt = #line
) -> AuditReportDocument.Finding? {
    guard host.status == "audited" else {
        XCTFail("\(host.host): not audited: \(host.failure.map { "\($0.kind): \($0.message)" } ?? "no failure given")",
            file: file, line: line)
        return nil
    }
    guard let finding = host.finding(rule) else {
        XCTFail("\(host.host): no \(rule) finding; it has \(host.ruleIDs)", file: file, line: line)
        return nil
    }
    XCTAssertEqual(finding.severity, severity, "\(host.host) \(rule): severity", file: file, line: line)
    XCTAssertEqual(finding.origins.map(\.description), origins, "\(host.host) \(rule): origins", file: file, line: line)
    XCTAssertFalse(finding.message.isEmpty, "\(host.host) \(rule): message", file: file, line: line)
    XCTAssertFalse(finding.message.contains("{"), "\(host.host) \(rule): unfilled placeholder in \(finding.message)",
        file: file, line: line)
    return finding
}

/// Asserts that the host's findings are exactly `rules`, worst first as the report orders them.
func assertRules(
    _ host: AuditReportDocument.HostEntry, _ rules: [String], file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(host.ruleIDs, rules, "\(host.host): findings", file: file, line: line)
}

/// Asserts a persisted value (`procps` or `systemd`) of `key`: its value and origin `path:line`.
func assertPersisted(
    _ host: AuditReportDocument.HostEntry, _ key: String, applier: String, value: String, origin: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    guard let keyFacts = host.key(key) else {
        XCTFail("\(host.host): no facts for \(key)", file: file, line: line)
        return
    }
    let persisted = applier == "procps" ? keyFacts.procps : keyFacts.systemd
    XCTAssertEqual(persisted?.value, value, "\(host.host) \(key): \(applier) value", file: file, line: line)
    XCTAssertEqual(persisted?.origin.description, origin, "\(host.host) \(key): \(applier) origin", file: file, line: line)
}

/// Asserts the host's live value of `key`: a value, or `nil` for a key the kernel does not have.
func assertLive(
    _ host: AuditReportDocument.HostEntry, _ key: String, _ value: String?, file: StaticString = #filePath, line: UInt = #line
) {
    let expected = value.map { AuditReportDocument.LiveValue(state: "value", value: $0) }
        ?? AuditReportDocument.LiveValue(state: "absent", value: nil)
    XCTAssertEqual(host.key(key)?.live, expected, "\(host.host) \(key): live", file: file, line: line)
}
