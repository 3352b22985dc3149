import Foundation
import PawsSSH
import XCTest

final class HostKeyTests: XCTestCase {
    func testUnknownHostIsRefusedWithFingerprintAndKnownHostsPath() throws {
        let server = try LoopbackSSHServer()
        XCTAssertThrowsError(try SSHSession(options: server.options(policy: .strict))) { error in
            guard case SSHError.hostKeyUnknown(let endpoint, let fingerprint, let knownHostsPath) = error else {
                return XCTFail("expected hostKeyUnknown, got \(error)")
            }
            XCTAssertEqual(endpoint.port, server.port)
            XCTAssertEqual(knownHostsPath, server.knownHostsPath)
            XCTAssertEqual(fingerprint.keyType, "ssh-ed25519")
            XCTAssertEqual(fingerprint.sha256, try? server.hostKeyFingerprint())
            let message = "\(error)"
            XCTAssertTrue(message.contains(fingerprint.sha256), message)
            XCTAssertTrue(message.contains(server.knownHostsPath), message)
            XCTAssertTrue(message.contains("ssh-keyscan -p \(server.port) 127.0.0.1"), message)
            XCTAssertTrue(message.contains("--accept-new"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.knownHostsPath), "strict must not record keys")
    }

    func testAcceptNewRecordsTheKeySoAStrictConnectionThenSucceeds() throws {
        let server = try LoopbackSSHServer()
        let first = try SSHSession(options: server.options(policy: .acceptNew))
        XCTAssertEqual(first.hostKey.sha256, try server.hostKeyFingerprint())
        first.close()

        let knownHosts = try String(contentsOfFile: server.knownHostsPath, encoding: .utf8)
        XCTAssertTrue(knownHosts.contains("[127.0.0.1]:\(server.port) ssh-ed25519 "), knownHosts)

        let second = try SSHSession(options: server.options(policy: .strict))
        XCTAssertEqual(try second.exec(command: "echo again").stdoutText, "again\n")
        second.close()
    }

    func testAcceptNewCreatesAMissingKnownHostsDirectory() throws {
        let server = try LoopbackSSHServer()
        var options = server.options(policy: .acceptNew)
        options.knownHostsPath = server.directory + "/fresh/ssh/known_hosts"
        try SSHSession(options: options).close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: options.knownHostsPath))
    }

    func testChangedHostKeyIsRefusedEvenWithAcceptNew() throws {
        let server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
        try server.restartWithNewHostKey()
        let newFingerprint = try server.hostKeyFingerprint()
        for policy in HostKeyPolicy.allCases {
            XCTAssertThrowsError(try SSHSession(options: server.options(policy: policy))) { error in
                guard case SSHError.hostKeyChanged(_, let fingerprint, let knownHostsPath) = error else {
                    return XCTFail("expected hostKeyChanged under \(policy), got \(error)")
                }
                XCTAssertEqual(fingerprint.sha256, newFingerprint)
                XCTAssertEqual(knownHostsPath, server.knownHostsPath)
                let message = "\(error)"
                XCTAssertTrue(message.contains("HOST KEY CHANGED"), message)
                XCTAssertTrue(message.contains(newFingerprint), message)
                XCTAssertTrue(message.contains("ssh-keygen -R '[127.0.0.1]:\(server.port)'"), message)
            }
        }
    }

    func testKeyOfAnotherTypeThanTheRecordedOneIsRefused() throws {
        let server = try LoopbackSSHServer(hostKeyType: "ed25519")
        let ecdsaKey = try server.makeClientKey(named: "other_host_key", type: "ecdsa")
        let ecdsaPublic = try String(contentsOfFile: ecdsaKey + ".pub", encoding: .utf8).split(separator: " ")
        let line = "[127.0.0.1]:\(server.port) \(ecdsaPublic[0]) \(ecdsaPublic[1])\n"
        try line.write(toFile: server.knownHostsPath, atomically: true, encoding: .utf8)

        for policy in HostKeyPolicy.allCases {
            XCTAssertThrowsError(try SSHSession(options: server.options(policy: policy))) { error in
                guard case SSHError.hostKeyOtherType(_, let fingerprint, _) = error else {
                    return XCTFail("expected hostKeyOtherType under \(policy), got \(error)")
                }
                XCTAssertEqual(fingerprint.keyType, "ssh-ed25519")
                XCTAssertTrue("\(error)".contains(fingerprint.sha256))
                XCTAssertTrue("\(error)".contains("-t ssh-ed25519"), "\(error)")
            }
        }
        let untouched = try String(contentsOfFile: server.knownHostsPath, encoding: .utf8)
        XCTAssertEqual(untouched, line, "a refused key must not be recorded")
    }
}
