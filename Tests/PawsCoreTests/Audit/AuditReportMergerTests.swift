import XCTest
@testable import PawsCore

final class AuditReportMergerTests: XCTestCase {
    func testLaterReportWinsAndOrderIsKept() {
        let first = AuditReport(toolVersion: "1", generatedAt: "t1", playbooks: ["a"], hosts: [
            HostAudit(host: "h1", address: "1", status: .audited),
            HostAudit.failed(host: "h2", address: "2", failure: HostFailure(kind: .timeout, message: "x")),
        ])
        let second = AuditReport(toolVersion: "1", generatedAt: "t2", playbooks: ["a", "b"], hosts: [
            HostAudit(host: "h2", address: "2", status: .audited),
            HostAudit(host: "h3", address: "3", status: .audited),
        ])
        let merged = AuditReportMerger().merge([first, second], toolVersion: "2", generatedAt: "t3")
        XCTAssertEqual(merged.hosts.map(\.host), ["h1", "h2", "h3"])
        XCTAssertEqual(merged.hosts[1].status, .audited)
        XCTAssertEqual(merged.playbooks, ["a", "b"])
        XCTAssertEqual(merged.generatedAt, "t3")
    }
}
