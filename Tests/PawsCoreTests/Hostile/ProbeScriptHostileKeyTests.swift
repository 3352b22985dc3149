import Foundation
import XCTest
@testable import PawsCore

/// The probe script is built from keys (from playbooks, possibly a user's). Keys are validated, and
/// whatever varies is single-quoted: no hostile key text ever reaches the shell as code.
final class ProbeScriptHostileKeyTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var marker: String { scratch.appendingPathComponent("injected").path }

    /// Each key carries a token that appears nowhere else, so its text can be traced in the script.
    private func hostileKeys(seed: UInt64, count: Int) -> [(key: String, token: String)] {
        var hostile = HostileText(seed: seed, marker: marker)
        return hostile.batch(count).enumerated().map { index, text in
            let token = "Zq\(index)Tok"
            return (text + token, token)
        }
    }

    func testRefusedKeysNeverReachTheScriptAndAcceptedOnesStayQuoted() {
        let keys = hostileKeys(seed: 0x5EED_0B01, count: 400)
            + [("net.ipv4.tcp_tw_recycleZqAcceptedTok", "ZqAcceptedTok"), ("kernel.a-b_cZqDashTok", "ZqDashTok")]
        let script = ProbeScript.make(ProbeRequest(keys: keys.map(\.key), sampleIntervalSeconds: 3))
        let exposed = ShellExposure.exposedText(of: script)
        var accepted = 0
        for (index, entry) in keys.enumerated() {
            if ProbeScript.validate(key: entry.key) {
                accepted += 1
                XCTAssertTrue(script.contains(entry.token), "accepted key \(index) is not read")
                XCTAssertFalse(exposed.contains(entry.token), "key \(index) \(entry.key.debugDescription) appears outside single quotes")
            } else {
                XCTAssertFalse(script.contains(entry.token), "refused key \(index) \(entry.key.debugDescription) is in the script")
            }
        }
        XCTAssertGreaterThanOrEqual(accepted, 2)
        // Nothing a key brings may be spliced in unquoted: the exposed text is the template's own.
        let plain = ShellExposure.exposedText(of: ProbeScript.make(ProbeRequest(keys: [], sampleIntervalSeconds: 3)))
        let allowedExtra = Set(" \n0123456789".unicodeScalars).union(Set("one live".unicodeScalars))
        XCTAssertTrue(Set(exposed.unicodeScalars).subtracting(Set(plain.unicodeScalars)).isSubset(of: allowedExtra))
    }

    func testValidationAcceptsOnlyDottedWordKeys() {
        for key in ["net.ipv4.tcp_tw_recycle", "net.ipv4.conf.eth0-1.rp_filter", "a.b"] {
            XCTAssertTrue(ProbeScript.validate(key: key), key)
        }
        for key in [
            "", "net", "net..ipv4", ".net.ipv4", "net.ipv4.", "net/ipv4/tcp_tw_recycle", "net.ipv4.*", "net.ipv4.$(id)",
            "net.ipv4.`id`", "net.ipv4.a b", "net.ipv4.a'b", "net.ipv4.a\nb", "net.ipv4.a\0b", "net.ipv4.é", "net.ipv4.a;b",
            String(repeating: "a.", count: 200) + "a",
        ] {
            XCTAssertFalse(ProbeScript.validate(key: key), key.debugDescription)
        }
    }

    /// The script with hostile keys, run for real by every local shell: it completes, its output
    /// parses, nothing injected runs, and refused keys get no live section.
    func testScriptWithHostileKeysRunsCleanlyOnEveryShell() throws {
        let keys = hostileKeys(seed: 0x5EED_0B02, count: 60).map(\.key) + ["net.ipv4.tcp_timestamps", "kernel.osrelease"]
        let request = ProbeRequest(keys: keys)
        let script = Array(ProbeScript.make(request).utf8)
        let procNet = scratch.appendingPathComponent("proc-net")
        try FileManager.default.createDirectory(at: procNet, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["PAWSGUARD_PROC_NET"] = procNet.path
        for shell in LocalShell.available {
            let result = try LocalShell.run(shell, ["-s"], stdin: script, environment: environment)
            XCTAssertEqual(result.status, 0, "\(LocalShell.name(shell)): \(result.stderrText)")
            let snapshot = try ProbeOutputParser(request: request, host: "local").parse(result.stdout)
            let reported = Set(snapshot.live.keys)
            XCTAssertEqual(reported, Set(keys.filter(ProbeScript.validate(key:))), LocalShell.name(shell))
            XCTAssertNotNil(snapshot.live["kernel.osrelease"]?.value, LocalShell.name(shell))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a key ran a command")
    }
}
