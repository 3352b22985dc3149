import Foundation
import XCTest

/// Point 1, 2 and 4 of the apply issue on real hosts: every kind of file edit, dry run, a second
/// apply, and a rollback, checked byte for byte through each host's own view of its files.
final class ApplyEditTests: XCTestCase {
    static let hosts = ["already-right", "centos-three-files", "debian-stale", "ubuntu-crlf"]

    private func runID(fromJSON text: String) throws -> String {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
        return try XCTUnwrap(object["runID"] as? String)
    }

    private func outcomes(fromJSON text: String) throws -> [String: String] {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
        let hosts = try XCTUnwrap(object["hosts"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: hosts.compactMap { host in
            (host["host"] as? String).map { ($0, host["outcome"] as? String ?? "?") }
        })
    }

    func testDryRunShowsEveryDiffAndChangesNoByteModeOwnerOrMtime() throws {
        let fleet = try ApplyFleet(hosts: Self.hosts)
        let before = try Self.hosts.map { try fleet.state(of: $0) }
        let result = fleet.apply(["--dry-run"], yes: false)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        XCTAssertTrue(out.contains("dry run: nothing was changed"), out)
        XCTAssertTrue(out.contains("# /etc/sysctl.d/99-sysctl.conf leads to /etc/sysctl.conf (symlink)"), out)
        XCTAssertTrue(out.contains("+# pawsguard "), out)
        XCTAssertTrue(out.contains("-net.ipv4.tcp_tw_recycle = 1\r\n"), "CRLF line shown with its CR: \(out)")
        XCTAssertTrue(out.contains("-net.ipv4.tcp_tw_recycle=1\n\\ No newline at end of file\n"), out)
        XCTAssertTrue(out.contains("--- /usr/lib/sysctl.d/50-vendor.conf"), out)
        XCTAssertTrue(out.contains("live: sysctl -w net.ipv4.tcp_tw_recycle=0   (now 1)"), out)
        XCTAssertTrue(out.contains("removed in 4.12"), out)
        XCTAssertFalse(out.contains("--- /lib/sysctl.d/50-vendor.conf"), "one real file, one diff: \(out)")
        let after = try Self.hosts.map { try fleet.state(of: $0) }
        XCTAssertEqual(after, before, "a dry run must not change any byte, mode, owner or mtime")
        XCTAssertTrue(fleet.runIDs().isEmpty, "a dry run writes no journal")
    }

    func testWithoutATerminalApplyNeedsYes() throws {
        let fleet = try ApplyFleet(hosts: ["ubuntu-crlf"])
        let before = try fleet.state(of: "ubuntu-crlf")
        let result = fleet.apply([], yes: false)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--yes"), result.stderr)
        XCTAssertTrue(result.stderr.contains("/etc/sysctl.d/70-crlf.conf: line(s) 3"), "the plan summary is shown: \(result.stderr)")
        XCTAssertEqual(try fleet.state(of: "ubuntu-crlf"), before)
    }

    func testApplyFixesEveryCaseThenASecondApplyChangesNothingAndRollbackRestoresEveryByte() throws {
        let fleet = try ApplyFleet(hosts: Self.hosts)
        let original = try Dictionary(uniqueKeysWithValues: Self.hosts.map { ($0, try fleet.state(of: $0)) })

        let first = fleet.apply(["--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let run = try runID(fromJSON: first.stdout)
        XCTAssertEqual(try outcomes(fromJSON: first.stdout), [
            "already-right": "unchanged", "centos-three-files": "verified", "debian-stale": "verified", "ubuntu-crlf": "verified",
        ])
        let marker = "# pawsguard \(run): "

        // Three files, one through the 99-sysctl.conf symlink and one through /lib -> usr/lib.
        let centos = try fleet.state(of: "centos-three-files")
        XCTAssertEqual(centos.files["/etc/sysctl.d/99-sysctl.conf"]?.symlinkTarget, "../sysctl.conf", "the symlink stays a symlink")
        XCTAssertEqual(centos.files["/etc/sysctl.conf"]?.bytes, Array(String(decoding: try fleet.scenarioBytes("centos-three-files", "/etc/sysctl.conf"), as: UTF8.self)
            .replacingOccurrences(of: "   net.ipv4.tcp_tw_recycle", with: marker + "   net.ipv4.tcp_tw_recycle").utf8))
        XCTAssertEqual(centos.files["/etc/sysctl.d/60-tuning.conf"]?.bytes,
                       Array("# TIME_WAIT tuning copied from a blog\nnet.ipv4.tcp_tw_reuse = 1\n\(marker)net.ipv4.tcp_tw_recycle=1\nnet.core.somaxconn = 1024\n".utf8))
        XCTAssertEqual(centos.files["/etc/sysctl.d/60-tuning.conf"]?.mode, 0o600, "mode kept")
        XCTAssertEqual(centos.files["/etc/sysctl.d/60-tuning.conf"]?.owner, 0)
        XCTAssertEqual(centos.files["/usr/lib/sysctl.d/50-vendor.conf"]?.bytes, Array("# vendor defaults\n\(marker)net/ipv4/tcp_tw_recycle = 1\nkernel.sysrq = 16\n".utf8))
        XCTAssertEqual(centos.live["tcp_tw_recycle"], "0\n")

        // CRLF kept; no final newline kept.
        let crlf = try fleet.state(of: "ubuntu-crlf")
        XCTAssertEqual(crlf.files["/etc/sysctl.d/70-crlf.conf"]?.bytes,
                       Array("# edited on a laptop\r\nnet.ipv4.tcp_timestamps = 1\r\n\(marker)net.ipv4.tcp_tw_recycle = 1\r\nnet.ipv4.tcp_tw_reuse = 1\r\n".utf8))
        XCTAssertEqual(crlf.files["/etc/sysctl.d/80-noeol.conf"]?.bytes, Array("net.core.somaxconn = 4096\n\(marker)net.ipv4.tcp_tw_recycle=1".utf8))
        XCTAssertEqual(crlf.live["tcp_tw_recycle"], "0\n")

        // 4.12+: only the stale lines go; nothing live.
        let debian = try fleet.state(of: "debian-stale")
        XCTAssertEqual(debian.files["/etc/sysctl.d/60-golden.conf"]?.bytes, Array(
            "# golden image tuning\nnet.ipv4.tcp_tw_reuse = 1\n\(marker)net.ipv4.tcp_tw_recycle = 0\nnet.ipv4.tcp_fin_timeout = 15\n\(marker)-net.ipv4.tcp_tw_recycle = 1\n".utf8))
        XCTAssertNil(debian.live["tcp_tw_recycle"])
        XCTAssertEqual(debian.files["/etc/sysctl.conf"], original["debian-stale"]?.files["/etc/sysctl.conf"], "untouched file: not even its mtime")

        XCTAssertEqual(try fleet.state(of: "already-right"), original["already-right"])

        // A backup copy of each changed file on the host.
        XCTAssertEqual(try fleet.read("centos-three-files", "\(ApplyFleet.backupDirectory)/\(run)/etc/sysctl.conf"),
                       original["centos-three-files"]?.files["/etc/sysctl.conf"]?.bytes)

        // The second apply finds nothing to do and touches nothing.
        let fixed = try Dictionary(uniqueKeysWithValues: Self.hosts.map { ($0, try fleet.state(of: $0)) })
        let second = fleet.apply(["--format", "json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(Set(try outcomes(fromJSON: second.stdout).values), ["unchanged"])
        for host in Self.hosts { XCTAssertEqual(try fleet.state(of: host), fixed[host], host) }
        XCTAssertEqual(fleet.runIDs(), [run], "a run with nothing to change records no journal")

        // runs lists it; rollback restores every byte, mode, owner, symlink and live value.
        let runs = fleet.pawsguard(["runs"])
        XCTAssertTrue(runs.stdout.contains(run) && runs.stdout.contains("finished"), runs.stdout)
        let preview = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath, "--dry-run"])
        XCTAssertEqual(preview.status, 0, preview.stderr)
        XCTAssertTrue(preview.stdout.contains("would-restore: /etc/sysctl.d/70-crlf.conf"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("+net.ipv4.tcp_tw_recycle = 1\r\n"), preview.stdout)
        for host in Self.hosts { XCTAssertEqual(try fleet.state(of: host), fixed[host], "rollback --dry-run changed \(host)") }

        let rollback = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath])
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        for host in Self.hosts {
            let restored = try fleet.state(of: host)
            let before = try XCTUnwrap(original[host])
            XCTAssertTrue(restored.sameContent(as: before), "\(host): \(restored) vs \(before)")
        }
        XCTAssertTrue(fleet.pawsguard(["runs"]).stdout.contains("rolled-back"))
        let again = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("nothing to undo"), again.stdout)
    }

    func testRollbackRefusesAFileChangedAfterTheApplyUnlessForced() throws {
        let fleet = try ApplyFleet(hosts: ["ubuntu-crlf"])
        let original = try fleet.state(of: "ubuntu-crlf")
        let applied = fleet.apply(["--format", "json"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        let run = try runID(fromJSON: applied.stdout)
        try fleet.write("ubuntu-crlf", "/etc/sysctl.d/80-noeol.conf", "net.core.somaxconn = 8192\n")

        let refused = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath])
        XCTAssertEqual(refused.status, 3)
        XCTAssertTrue(refused.stdout.contains("refused: /etc/sysctl.d/80-noeol.conf"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("--force"), refused.stdout)
        XCTAssertEqual(try fleet.read("ubuntu-crlf", "/etc/sysctl.d/80-noeol.conf"), Array("net.core.somaxconn = 8192\n".utf8))
        XCTAssertEqual(try fleet.read("ubuntu-crlf", "/etc/sysctl.d/70-crlf.conf"), original.files["/etc/sysctl.d/70-crlf.conf"]?.bytes,
                       "the other file was restored")

        let forced = fleet.pawsguard(["rollback", run, "--known-hosts", fleet.fleet.knownHostsPath, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stdout)
        XCTAssertTrue(try fleet.state(of: "ubuntu-crlf").sameContent(as: original))
    }
}
