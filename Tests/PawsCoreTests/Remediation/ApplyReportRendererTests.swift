import Foundation
import XCTest
@testable import PawsCore

final class RemediationApplyReportTests: XCTestCase {
    private func report(dryRun: Bool) throws -> ApplyReport {
        let snapshot = RemediationFixtures.snapshot(files: ["/etc/sysctl.conf": Array("net.ipv4.tcp_tw_recycle = 1\n".utf8)], twRecycle: "1")
        let plan = try RemediationFixtures.planner.plan(host: "db1", snapshot: snapshot)
        return ApplyReport(
            runID: RemediationFixtures.runID, toolVersion: "0.1.0", generatedAt: "2026-11-27T12:00:00Z", dryRun: dryRun,
            desired: RemediationFixtures.desired,
            hosts: [
                HostApplyResult(host: "db1", address: "10.0.0.1", outcome: dryRun ? .planned : .rolledBack, reason: "verification failed", plan: plan, rolledBack: !dryRun),
                HostApplyResult(host: "db2", address: "10.0.0.2", outcome: .unchanged, reason: "already right", plan: HostPlan(host: "db2")),
            ])
    }

    func testJSONCarriesTheRunIDAndOutcomes() throws {
        let text = ApplyReportRenderer(format: .json).render(try report(dryRun: false))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(object["runID"] as? String, RemediationFixtures.runID.value)
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary["rolled-back"], 1)
        XCTAssertEqual(summary["unchanged"], 1)
        let decoded = try JSONDecoder().decode(ApplyReport.self, from: Data(text.utf8))
        XCTAssertEqual(decoded, try report(dryRun: false))
    }

    func testDryRunTableShowsTheDiffAndTheLiveWrite() throws {
        let text = ApplyReportRenderer(format: .table).render(try report(dryRun: true))
        XCTAssertTrue(text.contains("dry run: nothing was changed"), text)
        XCTAssertTrue(text.contains("-net.ipv4.tcp_tw_recycle = 1\n+# pawsguard \(RemediationFixtures.runID): net.ipv4.tcp_tw_recycle = 1\n"), text)
        XCTAssertTrue(text.contains("live: sysctl -w net.ipv4.tcp_tw_recycle=0   (now 1)"), text)
    }

    func testEveryFormatRenders() throws {
        let report = try report(dryRun: false)
        for format in ReportFormat.allCases {
            XCTAssertTrue(ApplyReportRenderer(format: format).render(report).contains("db1") || format == .prometheus, "\(format)")
        }
        XCTAssertTrue(ApplyReportRenderer(format: .junit).render(report).contains("<failure type=\"rolled-back\""))
        XCTAssertTrue(ApplyReportRenderer(format: .prometheus).render(report).contains("pawsguard_apply_hosts{outcome=\"rolled-back\"} 1"))
    }
}
