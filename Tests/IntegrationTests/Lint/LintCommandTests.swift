import Foundation
import XCTest

/// `pawsguard lint` as CI runs it: exit statuses, git-tracked files only, excludes, explicit files.
final class LintCommandTests: XCTestCase {
    func testExitStatusFollowsFailOn() throws {
        let repository = try LintTestRepository()
        try repository.write("etc/sysctl.d/90-ts.conf", "net.ipv4.tcp_timestamps = 0\n")
        try repository.commit()
        XCTAssertEqual(repository.lint([]).status, 0, "a note does not fail the default --fail-on warning")
        let strict = repository.lint(["--fail-on", "note"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.lines, [
            "etc/sysctl.d/90-ts.conf:1:1: note: net.ipv4.tcp_timestamps=0 (sysctl line): disables TCP timestamps. That hides "
                + "tcp_tw_recycle's NAT problem but also turns off PAWS and timestamp-based RTT measurement; the fix is "
                + "tcp_tw_recycle=0 with timestamps on. [timestamps-disabled]",
        ])

        try repository.write("provision.sh", "#!/bin/sh\nsysctl -w net.ipv4.tcp_tw_recycle=1\n")
        try repository.commit()
        let failing = repository.lint([])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stdout.contains("provision.sh:2:11: error: net.ipv4.tcp_tw_recycle=1 (sysctl command): "))
        XCTAssertTrue(failing.stderr.contains("pawsguard lint: 2 findings (1 error, 0 warnings, 1 note) in 2 files"), failing.stderr)
        XCTAssertEqual(repository.lint(["--fail-on", "error"]).status, 1)
    }

    func testTargetKernelTurnsOnTheStaleConfigWarning() throws {
        let repository = try LintTestRepository()
        try repository.write("images/centos/etc/sysctl.conf", "net.ipv4.tcp_tw_recycle = 0\n")
        try repository.commit()
        XCTAssertEqual(repository.lint([]).status, 0)
        let targeted = repository.lint(["--target-kernel", "5.15"])
        XCTAssertEqual(targeted.status, 1)
        XCTAssertTrue(targeted.stdout.hasPrefix("images/centos/etc/sysctl.conf:1:1: warning: "), targeted.stdout)
        XCTAssertTrue(targeted.stdout.hasSuffix("[tw-recycle-stale-config]\n"))
        XCTAssertEqual(repository.lint(["--target-kernel", "5.15", "--fail-on", "error"]).status, 0)
        XCTAssertEqual(repository.lint(["--target-kernel", "4.9"]).status, 0)
    }

    func testUsageErrorsExitTwo() throws {
        let repository = try LintTestRepository()
        try repository.commit()
        for arguments in [["--fail-on", "fatal"], ["--target-kernel", "new"], ["--format", "xml"], ["--playbook", "no-such-playbook"],
                          ["--playbook", "syn-drop-diagnosis"], ["--format", "json", "--format", "sarif"]] {
            let run = repository.lint(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.isEmpty, "\(arguments)")
        }
        let missing = repository.lint(["no/such/dir"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such/dir: error: no such file or directory"), missing.stderr)
    }

    func testOnlyTrackedFilesAreReadInAGitWorkTree() throws {
        let repository = try LintTestRepository()
        try repository.write("tracked.sh", "sysctl -w net.ipv4.tcp_tw_recycle=1\n")
        try repository.write("build/generated.sh", "sysctl -w net.ipv4.tcp_tw_recycle=1\n")
        try repository.commit(["tracked.sh"])
        let tracked = repository.lint(["--format", "json"])
        XCTAssertEqual(try Self.paths(tracked), ["tracked.sh"])
        XCTAssertEqual(try Self.paths(repository.lint(["--format", "json", "--no-git"])), ["build/generated.sh", "tracked.sh"])
        XCTAssertEqual(try Self.paths(repository.lint(["--format", "json", "build/generated.sh"])), ["build/generated.sh"],
                       "a file named on the command line is read even if untracked (pre-commit passes files)")
        XCTAssertEqual(try Self.paths(repository.lint(["--format", "json", "."], in: "build")), [],
                       "a subdirectory of the work tree: only its tracked files")
    }

    func testExcludeGlobsAndTheIgnoreFile() throws {
        let repository = try LintTestRepository()
        let bad = "net.ipv4.tcp_tw_recycle = 1\n"
        try repository.write("etc/sysctl.d/10.conf", bad)
        try repository.write("tests/fixtures/sysctl.d/bad.conf", bad)
        try repository.write("roles/x/files/sysctl.conf", bad)
        try repository.write("vendor/sysctl.conf", bad)
        try repository.write(".pawsguardignore", "# fixtures are meant to be bad\nvendor/\n")
        try repository.commit()
        let run = repository.lint(["--format", "json", "--exclude", "tests/**", "--exclude", "roles/*/files/*.conf"])
        XCTAssertEqual(try Self.paths(run), ["etc/sysctl.d/10.conf"])
        XCTAssertEqual((try run.json()["summary"] as? [String: Any])?["filesExcluded"] as? Int, 3)
        XCTAssertEqual(try Self.paths(repository.lint(["--format", "json", "--exclude", "fixtures", "--no-git"])),
                       ["etc/sysctl.d/10.conf", "roles/x/files/sysctl.conf"])
        XCTAssertEqual(try Self.paths(repository.lint(["--format", "json", "vendor/sysctl.conf"])), [],
                       "excludes apply to files named on the command line too")
    }

    func testSuppressionsAreHonouredAndCounted() throws {
        let repository = try LintTestRepository()
        try repository.write("legacy.sh", "# pawsguard: ignore[tw-recycle-nat] kernel 3.10 lab host\nsysctl -w net.ipv4.tcp_tw_recycle=1\n")
        try repository.commit()
        let run = repository.lint(["--format", "json"])
        XCTAssertEqual(run.status, 0)
        let suppressed = try XCTUnwrap(try run.json()["suppressed"] as? [[String: Any]])
        XCTAssertEqual(suppressed.first?["path"] as? String, "legacy.sh")
        XCTAssertTrue(run.stderr.contains("1 suppressed"))
    }

    /// pawsguard's own repository is clean apart from its fixtures, which `.pawsguardignore` leaves out.
    func testThisRepositoryIsClean() throws {
        let repository = RepositoryLayout.root.path
        let run = try LintTestRepository.lint(in: repository, ["--format", "json"])
        let findings = (try run.json()["findings"] as? [[String: Any]]) ?? []
        XCTAssertEqual(run.status, 0, "pawsguard lint on its own repository: \(run.stderr)")
        XCTAssertEqual(findings.map { "\($0["path"] ?? ""):\($0["line"] ?? "") \($0["ruleId"] ?? "")" }, [],
                       "suppress or move to a fixture folder listed in .pawsguardignore")
    }

    static func paths(_ run: LintRun) throws -> [String] {
        let findings = try XCTUnwrap(try run.json()["findings"] as? [[String: Any]])
        return Array(Set(findings.compactMap { $0["path"] as? String })).sorted()
    }
}
