import Foundation
import PawsSSH
import XCTest

final class AuthenticationTests: XCTestCase {
    private var server: LoopbackSSHServer!

    override func setUpWithError() throws {
        server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
    }

    override func tearDown() {
        server = nil
    }

    func testKeyNotInAuthorizedKeysFailsNamingHostUserAndTriedKey() throws {
        let stranger = try server.makeClientKey(named: "stranger")
        XCTAssertThrowsError(try SSHSession(options: server.options(identityFiles: [stranger]))) { error in
            guard case SSHError.authenticationFailed(let endpoint, let tried) = error else {
                return XCTFail("expected authenticationFailed, got \(error)")
            }
            XCTAssertEqual(endpoint.user, "root")
            XCTAssertEqual(tried, [SSHAuthAttempt(method: .keyFile(path: stranger), outcome: .denied)])
            let message = "\(error)"
            XCTAssertTrue(message.contains("root@127.0.0.1:\(server.port)"), message)
            XCTAssertTrue(message.contains(stranger), message)
        }
    }

    func testSecondKeyIsTriedWhenTheFirstIsDenied() throws {
        let stranger = try server.makeClientKey(named: "stranger")
        let session = try SSHSession(options: server.options(identityFiles: [stranger, server.clientKeyPath]))
        XCTAssertEqual(try session.exec(command: "id -un").stdoutText, "root\n")
    }

    func testEncryptedKeyWithoutPassphraseIsAClearErrorNamingTheFile() throws {
        let locked = try server.makeClientKey(named: "locked", passphrase: "correct horse")
        try server.authorize(publicKeyPath: locked + ".pub")
        let started = ContinuousClock.now
        XCTAssertThrowsError(try SSHSession(options: server.options(identityFiles: [locked]))) { error in
            guard case SSHError.encryptedKeyWithoutPassphrase(_, let keyPath) = error else {
                return XCTFail("expected encryptedKeyWithoutPassphrase, got \(error)")
            }
            XCTAssertEqual(keyPath, locked)
            let message = "\(error)"
            XCTAssertTrue(message.contains("encrypted key \(locked) needs ssh-agent or a passphrase"), message)
        }
        XCTAssertLessThan(started.duration(to: .now), .seconds(3), "must fail at once, not wait for a prompt")
    }

    func testEncryptedKeyWorksWithThePassphrase() throws {
        let locked = try server.makeClientKey(named: "locked", passphrase: "correct horse")
        try server.authorize(publicKeyPath: locked + ".pub")
        var options = server.options(identityFiles: [locked])
        options.passphrase = "correct horse"
        let session = try SSHSession(options: options)
        XCTAssertEqual(try session.exec(command: "echo unlocked").stdoutText, "unlocked\n")
    }

    func testEncryptedPEMKeyNeverFallsBackToATerminalPrompt() throws {
        let pem = server.directory + "/locked_pem"
        try ExternalTool.run(
            SSHServerRequirement.sshKeygenPath,
            ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "pem secret", "-f", pem])
        try server.authorize(publicKeyPath: pem + ".pub")
        XCTAssertThrowsError(try SSHSession(options: server.options(identityFiles: [pem]))) { error in
            guard case SSHError.encryptedKeyWithoutPassphrase(_, pem) = error else {
                return XCTFail("expected encryptedKeyWithoutPassphrase for \(pem), got \(error)")
            }
        }
        var options = server.options(identityFiles: [pem])
        options.passphrase = "pem secret"
        XCTAssertNoThrow(try SSHSession(options: options).close())
    }

    func testWrongPassphraseIsReportedAsSuch() throws {
        let locked = try server.makeClientKey(named: "locked", passphrase: "correct horse")
        var options = server.options(identityFiles: [locked])
        options.passphrase = "battery staple"
        XCTAssertThrowsError(try SSHSession(options: options)) { error in
            guard case SSHError.keyPassphraseRejected(_, locked) = error else {
                return XCTFail("expected keyPassphraseRejected, got \(error)")
            }
            XCTAssertFalse("\(error)".contains("battery staple"), "the passphrase must never appear in messages")
        }
    }

    func testMissingKeyFileIsReportedWithItsPath() throws {
        let missing = server.directory + "/no_such_key"
        XCTAssertThrowsError(try SSHSession(options: server.options(identityFiles: [missing]))) { error in
            guard case SSHError.keyFileUnreadable(_, missing, let reason) = error else {
                return XCTFail("expected keyFileUnreadable, got \(error)")
            }
            XCTAssertEqual(reason, "no such file")
        }
    }

    func testNoMethodAtAllFailsWithoutPrompting() throws {
        XCTAssertThrowsError(try SSHSession(options: server.options(identityFiles: []))) { error in
            guard case SSHError.authenticationFailed(_, let tried) = error else {
                return XCTFail("expected authenticationFailed, got \(error)")
            }
            XCTAssertEqual(tried, [])
            XCTAssertTrue("\(error)".contains("no method was available"), "\(error)")
        }
    }
}
