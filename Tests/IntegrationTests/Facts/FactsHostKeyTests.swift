import Foundation
import XCTest

/// Host-key checking against known_hosts, through the binary: an unknown key is refused (with its
/// fingerprint and the known_hosts path), accepted and recorded with --accept-new, then known; a
/// changed key is always refused.
final class FactsHostKeyTests: XCTestCase {
    func testUnknownKeyIsRefusedThenAcceptedWithAcceptNewThenKnown() throws {
        let fleet = try TestFleet.start(scenario: "facts-basic", hosts: ["el7"])
        defer { fleet.stop() }
        let el7 = try fleet.host(named: "el7")
        let knownHosts = FileManager.default.temporaryDirectory.appendingPathComponent("known_hosts-\(UUID().uuidString)").path
        try "".write(toFile: knownHosts, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: knownHosts) }
        let arguments = ["-i", fleet.inventoryPath, "--known-hosts", knownHosts, "--no-agent", "--no-ssh-config"]
        let fingerprint = try fleet.hostKeyFingerprint(of: el7)

        let refused = Pawsguard.facts(arguments)
        XCTAssertEqual(refused.status, 3, refused.stderr)
        let failure = try XCTUnwrap(try refused.row("el7").failure)
        XCTAssertEqual(failure.kind, "host-key-unknown")
        XCTAssertTrue(failure.message.contains(fingerprint), "the fingerprint to verify (\(fingerprint)): \(failure.message)")
        XCTAssertTrue(failure.message.contains(knownHosts), "the known_hosts file: \(failure.message)")
        XCTAssertEqual(try String(contentsOfFile: knownHosts, encoding: .utf8), "", "strict checking records nothing")

        let accepted = Pawsguard.facts(arguments + ["--accept-new"])
        XCTAssertEqual(accepted.status, 0, accepted.stdout)
        XCTAssertEqual(try accepted.row("el7").kernel, "3.10.0-1160.el7.x86_64")
        let recorded = try String(contentsOfFile: knownHosts, encoding: .utf8)
        let entry = "[\(el7.address)]:\(el7.port) \(try fleet.hostPublicKey(of: el7))"
        XCTAssertEqual(recorded.split(separator: "\n").map(String.init), [entry], "the key is recorded once, OpenSSH-style")

        let known = Pawsguard.facts(arguments)
        XCTAssertEqual(known.status, 0, "strict checking now knows the host: \(known.stdout)")
        XCTAssertNil(try known.row("el7").failure)
        XCTAssertEqual(try String(contentsOfFile: knownHosts, encoding: .utf8), recorded, "nothing more recorded")
    }

    func testChangedKeyIsRefusedEvenWithAcceptNew() throws {
        let fleet = try TestFleet.start(scenario: "facts-basic", hosts: ["el7"])
        defer { fleet.stop() }
        let before = fleet.facts()
        XCTAssertEqual(before.status, 0, "the fleet's known_hosts knows the first key: \(before.stdout)")

        try fleet.restartHost("el7", newHostKey: true)
        let el7 = try fleet.host(named: "el7")
        let newFingerprint = try fleet.hostKeyFingerprint(of: el7)
        let knownHostsBefore = try String(contentsOfFile: fleet.knownHostsPath, encoding: .utf8)
        for extra in [[], ["--accept-new"]] {
            let run = fleet.facts(extra)
            XCTAssertEqual(run.status, 3, "\(extra): \(run.stdout)")
            let failure = try XCTUnwrap(try run.row("el7").failure, "\(extra)")
            XCTAssertEqual(failure.kind, "host-key-changed", "\(extra)")
            XCTAssertTrue(failure.message.contains(newFingerprint), "\(extra): the new key's fingerprint: \(failure.message)")
            XCTAssertTrue(failure.message.contains(fleet.knownHostsPath), "\(extra): the known_hosts file: \(failure.message)")
            XCTAssertNil(try run.row("el7").kernel, "\(extra): nothing was run on the host")
        }
        XCTAssertEqual(
            try String(contentsOfFile: fleet.knownHostsPath, encoding: .utf8), knownHostsBefore,
            "a changed key is never written over the recorded one")
    }
}
