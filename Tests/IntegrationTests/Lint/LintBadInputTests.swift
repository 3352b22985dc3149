import Foundation
import XCTest

/// Binary files, bad encodings, broken YAML, symlink loops, FIFOs, unreadable files and huge lines:
/// each is reported or skipped with a reason, and every other file is still checked.
final class LintBadInputTests: XCTestCase {
    private let finding = "sysctl -w net.ipv4.tcp_tw_recycle=1\n"

    func testEveryKindOfBadInputIsSkippedOrReportedAndTheRestIsChecked() throws {
        let repository = try LintTestRepository()
        try repository.write("good.sh", finding)
        try repository.write("image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00] + Array(finding.utf8))
        try repository.write("latin1.sh", bytes: Array("# r".utf8) + [0xE9] + Array("glage\n".utf8) + Array(finding.utf8))
        try repository.write("broken.yml", "- hosts: all\n  tasks:\n   - shell: sysctl -w net.ipv4.tcp_tw_recycle=1\n  bad: [\n")
        let minified = String(repeating: "{\"k\":1},", count: (5 << 20) / 8) + "{\"net.ipv4.tcp_tw_recycle\":1}\n"
        try repository.write("minified.conf", minified)
        try repository.runTool("ln", ["-s", "loop-b", "loop-a"])
        try repository.runTool("ln", ["-s", "loop-a", "loop-b"])
        try repository.runTool("ln", ["-s", "missing-target", "dangling"])
        try repository.commit()

        let run = repository.lint(["--format", "json"])
        XCTAssertEqual(run.status, 1)
        let document = try run.json()
        XCTAssertEqual(try LintCommandTests.paths(run), ["broken.yml", "good.sh", "latin1.sh", "minified.conf"])
        let minifiedFinding = (document["findings"] as? [[String: Any]])?.first { $0["path"] as? String == "minified.conf" }
        XCTAssertEqual(minifiedFinding?["column"] as? Int, (5 << 20) + 3)
        let notices = Set(((document["notices"] as? [[String: Any]]) ?? []).compactMap { notice -> String? in
            guard let path = notice["path"] as? String, let code = notice["code"] as? String else { return nil }
            return "\(path) \(code)"
        })
        XCTAssertEqual(notices, ["broken.yml broken-yaml", "latin1.sh invalid-utf8", "minified.conf long-line"])
        let skipped = Set(((document["skipped"] as? [[String: Any]]) ?? []).compactMap { skip -> String? in
            guard let path = skip["path"] as? String, let reason = skip["reason"] as? String else { return nil }
            return "\(path) \(reason)"
        })
        XCTAssertEqual(skipped, ["loop-a symlink-loop", "loop-b symlink-loop", "dangling dangling-symlink"])
        let summary = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual(summary["skippedByReason"] as? [String: Int], ["binary": 1, "symlink-loop": 2, "dangling-symlink": 1])
        XCTAssertEqual(summary["filesSkipped"] as? Int, 4)
        let verbose = repository.lint(["--verbose"])
        XCTAssertTrue(verbose.stderr.contains("image.png: notice: skipped: binary file"), verbose.stderr)
    }

    func testAFileThatCannotBeReadExitsTwoButTheRestIsStillChecked() throws {
        let repository = try LintTestRepository()
        try repository.write("ok.conf", "net.ipv4.tcp_tw_reuse = 1\n")
        // Root can read any file, so use one whose read fails with EIO for everybody.
        try repository.runTool("ln", ["-s", "/proc/self/mem", "memory.conf"])
        try repository.commit()
        let run = repository.lint([])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("memory.conf: error: cannot be read (Input/output error)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("1 file checked"), run.stderr)

        try repository.write("bad.sh", finding)
        try repository.commit()
        XCTAssertEqual(repository.lint([]).status, 1, "findings at or above --fail-on win over unreadable input")
    }

    func testPermissionDeniedForAnOrdinaryUser() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root (to switch to nobody) and setpriv")
        }
        let repository = try LintTestRepository(git: false)
        try repository.write("secret.conf", "net.ipv4.tcp_tw_recycle = 1\n")
        try repository.write("open.sh", finding)
        try repository.runTool("chmod", ["0755", repository.root])
        try repository.runTool("chmod", ["0000", repository.path("secret.conf")])
        let binary = Pawsguard.binaryPath
        guard Self.readableByNobody(binary) else { throw XCTSkip("\(binary) is not reachable by user nobody") }
        let run = try repository.runTool("sh", ["-c", "setpriv --reuid=nobody --regid=nogroup --clear-groups \"$0\" lint --no-git . ; echo \"status=$?\"", binary])
        XCTAssertTrue(run.stdout.contains("open.sh:1:11: error:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("status=1"), run.stdout)
        XCTAssertTrue(run.stderr.contains("secret.conf: error: cannot be read (Permission denied)"), run.stderr)
    }

    func testFIFOsAreNotOpenedForReading() throws {
        let repository = try LintTestRepository(git: false)
        try repository.write("a.sh", finding)
        try repository.runTool("mkfifo", [repository.path("pipe.conf")])
        let run = repository.lint(["--no-git", "--format", "json"])
        XCTAssertEqual(run.status, 1)
        let skipped = (try run.json()["skipped"] as? [[String: Any]]) ?? []
        XCTAssertEqual(skipped.first?["reason"] as? String, "not-regular-file")
    }

    func testDirectorySymlinkLoopWhenWalking() throws {
        let repository = try LintTestRepository(git: false)
        try repository.write("dir/a.sh", finding)
        try repository.runTool("ln", ["-s", "..", repository.path("dir/up")])
        let run = repository.lint(["--no-git", "--format", "json"])
        XCTAssertEqual(try LintCommandTests.paths(run), ["dir/a.sh"])
        XCTAssertTrue(((try run.json()["skipped"] as? [[String: Any]]) ?? []).contains { $0["reason"] as? String == "symlink-loop" })
    }

    /// Every directory on the way searchable by others, and the binary readable and executable by them.
    private static func readableByNobody(_ path: String) -> Bool {
        var prefix = ""
        let components = path.split(separator: "/")
        for (index, component) in components.enumerated() {
            prefix += "/" + component
            var status = stat()
            guard stat(prefix, &status) == 0 else { return false }
            let needed: mode_t = index == components.count - 1 ? 0o005 : 0o001
            guard status.st_mode & needed == needed else { return false }
        }
        return true
    }
}
