import Foundation
import XCTest

/// `bench/fleet-bench` must keep working: run it small (20 hosts, pawsguard and OpenSSH only, no pip
/// installs) and check that it measured what it says. Speed itself is never asserted here: it is shown
/// by the benchmark (docs/BENCHMARKS.md), not by timed assertions in the test suite.
final class FleetBenchScriptTests: XCTestCase {
    func testQuickRunCollectsEveryHostAndPrintsEveryFigure() throws {
        try FleetRequirement.check()
        let script = RepositoryLayout.root.appendingPathComponent("bench/fleet-bench").path
        let markdown = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-bench-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: markdown) }
        let outcome = try ProcessRunner.run(
            script, ["--quick", "--hosts", "20", "--markdown", markdown.path],
            environment: ["PAWSGUARD_BIN": Pawsguard.binaryPath], timeout: 600)
        XCTAssertFalse(outcome.timedOut, "fleet-bench ran longer than 600 s; stderr: \(outcome.stderr)")
        XCTAssertEqual(outcome.status, 0, "stdout:\n\(outcome.stdout)\nstderr:\n\(outcome.stderr)")

        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let pawsguardRow = lines.first { $0.hasPrefix("pawsguard audit ") }
        let opensshRow = lines.first { $0.hasPrefix("OpenSSH ssh, xargs -P, curve25519 ") }
        XCTAssertTrue(pawsguardRow?.contains(" 20/20 ") == true, "pawsguard row: \(pawsguardRow ?? "missing")\n\(outcome.stdout)")
        XCTAssertTrue(opensshRow?.contains(" 20/20 ") == true, "OpenSSH row: \(opensshRow ?? "missing")\n\(outcome.stdout)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("Ansible") || $0.hasPrefix("asyncssh") || $0.hasPrefix("parallel-ssh") },
                       "--quick timed a pip-installed peer:\n\(outcome.stdout)")
        for header in ["wall", "hosts/s", "client CPU", "peak RSS", "× pawsguard", "× floor"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix("client ") && $0.contains(header) }, "no \(header) column:\n\(outcome.stdout)")
        }
        XCTAssertTrue(outcome.stdout.contains("Floor: sshd spends "), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Report cost at 20 hosts"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Targets (issue 6):"), outcome.stdout)
        // With strace the probe's processes per host are counted; without it the run says it skipped that.
        XCTAssertTrue(
            outcome.stdout.contains("Probe: per host, sshd starts the login shell, which spawns ")
                || outcome.stdout.contains("Probe process count and set-up overlap: skipped"), outcome.stdout)
        let written = try String(contentsOf: markdown, encoding: .utf8)
        XCTAssertTrue(written.contains("| pawsguard audit | 20/20 |"), written)
    }

    func testRejectsAnUnknownPeerBeforeStartingAnything() throws {
        let script = RepositoryLayout.root.appendingPathComponent("bench/fleet-bench").path
        let outcome = try ProcessRunner.run(script, ["--peers", "telnet"], environment: ["PAWSGUARD_BIN": "/bin/true"], timeout: 60)
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("unknown peer 'telnet'"), outcome.stderr)
    }
}
