import Foundation
import XCTest

/// `pawsguard facts` on 50 real sshd hosts at once (Tests/Scenarios/facts-fifty, written by its
/// generate.sh): every host answers with its own kernel and values.
final class FactsFiftyHostsTests: XCTestCase {
    func testFiftyHostsAnswerConcurrently() throws {
        let fleet = try TestFleet.start(scenario: "facts-fifty")
        defer { fleet.stop() }
        XCTAssertEqual(fleet.hosts.count, 50)

        let run = fleet.facts(["--forks", "50"])
        print("pawsguard facts on 50 hosts (--forks 50): \(String(format: "%.2f", run.seconds)) s wall")
        XCTAssertEqual(run.status, 0, "every host answered: \(run.stdout.prefix(3000))")
        XCTAssertEqual(run.rows.count, 50)
        XCTAssertEqual(Set(run.rows.map(\.host)), Set(fleet.hosts.map(\.name)))
        for row in run.rows {
            let expected = try scenarioHost(row.host)
            XCTAssertNil(row.failure, "\(row.host): \(row.failure?.message ?? "")")
            XCTAssertEqual(row.kernel, expected.kernel, row.host)
            XCTAssertEqual(row.live?["net.ipv4.tcp_tw_recycle"], expected.twRecycle ?? "absent", row.host)
            XCTAssertEqual(row.live?["net.ipv4.tcp_timestamps"], "1", row.host)
        }
        XCTAssertLessThan(run.seconds, 60, "a generous bound; the wall time is printed above")
    }

    /// The kernel and live tcp_tw_recycle that the scenario gives a host.
    private func scenarioHost(_ name: String) throws -> (kernel: String?, twRecycle: String?) {
        let folder = RepositoryLayout.scenarioDirectory("facts-fifty") + "/\(name)"
        let conf = try String(contentsOfFile: folder + "/host.conf", encoding: .utf8)
        let kernel = conf.split(separator: "\n").first { $0.hasPrefix("kernel=") }.map { String($0.dropFirst("kernel=".count)) }
        let twRecycle = try? String(contentsOfFile: folder + "/live/net/ipv4/tcp_tw_recycle", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (kernel, twRecycle)
    }
}
