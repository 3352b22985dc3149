import Foundation
import XCTest

/// `pawsguard facts` against real sshd hosts (Tests/Scenarios/facts-basic): hosts that answer, a
/// closed port, a black-holed address, a wrong client key, and a very large sysctl file.
final class FactsHostTests: XCTestCase {
    private static let shared = ClassFleet(scenario: "facts-basic")

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testKnownHostsPrintKernelAndLiveValuesWithAbsentKeys() throws {
        let fleet = try Self.shared.fleet()
        let run = fleet.facts(["--limit", "el7,modern"])
        XCTAssertEqual(run.status, 0, "every host answered: \(run.stderr)")
        let el7 = try run.row("el7")
        XCTAssertNil(el7.failure)
        XCTAssertEqual(el7.address, try fleet.host(named: "el7").address)
        XCTAssertEqual(el7.kernel, "3.10.0-1160.el7.x86_64")
        XCTAssertEqual(el7.live, ["net.ipv4.tcp_tw_recycle": "1", "net.ipv4.tcp_timestamps": "1"])
        let modern = try run.row("modern")
        XCTAssertEqual(modern.kernel, "6.1.0-13-amd64")
        XCTAssertEqual(modern.live, ["net.ipv4.tcp_tw_recycle": "absent", "net.ipv4.tcp_timestamps": "1"])

        // The table a person reads says the same.
        let table = Pawsguard.run(["facts"] + fleet.connectionArguments + ["--limit", "el7,modern"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first?.split(separator: " ").first, "HOST", table.stdout)
        let modernLine = try XCTUnwrap(lines.first { $0.hasPrefix("modern ") }, table.stdout)
        XCTAssertEqual(
            modernLine.split(separator: " ").dropFirst(2).map(String.init), ["6.1.0-13-amd64", "absent", "1", "ok"])
        let el7Line = try XCTUnwrap(lines.first { $0.hasPrefix("el7 ") }, table.stdout)
        XCTAssertEqual(el7Line.split(separator: " ").dropFirst(2).map(String.init), ["3.10.0-1160.el7.x86_64", "1", "1", "ok"])
    }

    func testClosedPortIsUnreachableAtOnce() throws {
        let run = try Self.shared.fleet().facts(["--limit", "closed", "--connect-timeout", "10"])
        XCTAssertEqual(run.status, 3, run.stderr)
        let closed = try run.row("closed")
        XCTAssertEqual(closed.failure?.kind, "unreachable")
        XCTAssertTrue(closed.failure?.message.contains("connection refused") ?? false, closed.failure?.message ?? "")
        XCTAssertNil(closed.kernel)
        XCTAssertLessThan(run.seconds, 3, "a refused connection must not wait for the 10 s connect timeout")
    }

    func testBlackholedAddressTimesOutWithinTheConnectTimeoutWhileTheOthersAnswer() throws {
        let run = try Self.shared.fleet().facts(["--connect-timeout", "2"])
        print("facts on facts-basic with a black-holed host: \(String(format: "%.2f", run.seconds)) s")
        XCTAssertEqual(run.status, 3, "some hosts did not answer: \(run.stderr)")
        let blackhole = try run.row("blackhole")
        XCTAssertEqual(blackhole.failure?.kind, "timeout")
        XCTAssertTrue(blackhole.failure?.message.contains("2") ?? false, blackhole.failure?.message ?? "")
        XCTAssertGreaterThanOrEqual(run.seconds, 1.8, "the connect timeout is what ends the black hole")
        XCTAssertLessThan(run.seconds, 2 + 3, "--connect-timeout 2 plus start-up, not more")
        XCTAssertEqual(try run.row("closed").failure?.kind, "unreachable")
        XCTAssertEqual(try run.row("el7").kernel, "3.10.0-1160.el7.x86_64")
        XCTAssertNil(try run.row("el7").failure)
        XCTAssertEqual(try run.row("modern").live?["net.ipv4.tcp_tw_recycle"], "absent")
    }

    func testWrongClientKeyIsAuthFailed() throws {
        let fleet = try Self.shared.fleet()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let wrongKey = directory + "/wrong_key"
        let keygen = try ProcessRunner.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "not authorized", "-f", wrongKey])
        XCTAssertTrue(keygen.succeeded, keygen.stderr)
        let inventory = try String(contentsOfFile: fleet.inventoryPath, encoding: .utf8)

        // The inventory names a key the host does not accept.
        let wrongInventory = directory + "/wrong-key.ini"
        try inventory.replacingOccurrences(of: fleet.clientKeyPath, with: wrongKey)
            .write(toFile: wrongInventory, atomically: true, encoding: .utf8)
        let wrong = Pawsguard.facts(["-i", wrongInventory, "--known-hosts", fleet.knownHostsPath, "--no-agent",
                                     "--no-ssh-config", "--limit", "modern"])
        XCTAssertEqual(wrong.status, 3, wrong.stderr)
        let wrongRow = try wrong.row("modern")
        XCTAssertEqual(wrongRow.failure?.kind, "auth-failed")
        XCTAssertTrue(wrongRow.failure?.message.contains(wrongKey) ?? false, "names the key it tried: \(wrongRow.failure?.message ?? "")")
        XCTAssertTrue(wrongRow.failure?.message.contains("root") ?? false, "names the user")

        // No key in the inventory; --identity gives the wrong one, then the right one.
        let keylessInventory = directory + "/no-key.ini"
        try inventory.replacingOccurrences(of: " ansible_ssh_private_key_file=\(fleet.clientKeyPath)", with: "")
            .write(toFile: keylessInventory, atomically: true, encoding: .utf8)
        let keyless = ["-i", keylessInventory, "--known-hosts", fleet.knownHostsPath, "--no-agent", "--no-ssh-config",
                       "--limit", "modern"]
        let withWrongIdentity = Pawsguard.facts(keyless + ["--identity", wrongKey])
        XCTAssertEqual(try withWrongIdentity.row("modern").failure?.kind, "auth-failed")
        let withRightIdentity = Pawsguard.facts(keyless + ["--identity", fleet.clientKeyPath])
        XCTAssertEqual(withRightIdentity.status, 0, "the same host with the right key: \(withRightIdentity.stdout)")
        XCTAssertEqual(try withRightIdentity.row("modern").kernel, "6.1.0-13-amd64")
    }

    /// The SSH layer's own tests (PawsSSHTests) prove that 20 MB of output comes through exec; here a
    /// host with a 5 MB drop-in in /etc/sysctl.d (150 000 generated lines, one per interface, as
    /// provisioning tools write them) is audited, and the line at its very end is found. The time
    /// is printed; the 90 s limit only catches work that grows with the square of the line count.
    func testFiveMegabyteSysctlFileIsReadToItsLastLine() throws {
        let fleet = try Self.shared.fleet()
        let modern = try fleet.host(named: "modern")
        let path = fleet.rootPath(of: modern) + "/etc/sysctl.d/40-generated-interfaces.conf"
        var text = "# one rp_filter line per interface, generated\n"
        var lineCount = 1
        var interface = 0
        while text.utf8.count < 5 * 1024 * 1024 {
            text += "net.ipv4.conf.veth\(String(interface, radix: 16)).rp_filter = 2\n"
            interface += 1
            lineCount += 1
        }
        text += "net.ipv4.tcp_tw_recycle = 1\n"
        lineCount += 1
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let run = fleet.audit(["--limit", "modern"], timeout: 90)
        print("audit of a host with a \(text.utf8.count / 1024) KiB sysctl file: \(String(format: "%.2f", run.seconds)) s")
        XCTAssertEqual(run.status, 0, "a medium finding only: \(run.stderr)")
        let host = try run.requireHost("modern")
        assertRules(host, ["tw-recycle-stale-config"])
        assertFinding(
            host, rule: "tw-recycle-stale-config", severity: "medium",
            origins: ["/etc/sysctl.d/40-generated-interfaces.conf:\(lineCount)"])
    }

    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-facts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
