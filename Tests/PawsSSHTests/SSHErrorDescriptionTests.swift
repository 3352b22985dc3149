@testable import PawsSSH
import XCTest

final class SSHErrorDescriptionTests: XCTestCase {
    private let endpoint = SSHEndpoint(host: "db1", hostname: "10.0.0.5", port: 22, user: "ops")
    private let fingerprint = SSHHostKeyFingerprint(keyType: "ssh-ed25519", sha256: "SHA256:abc")

    func testEveryErrorNamesTheHost() {
        let errors: [SSHError] = [
            .invalidOptions(host: "db1", reason: "host is empty"),
            .sshConfigFailed(host: "db1", path: "/x", reason: "bad"),
            .unreachable(endpoint: endpoint, reason: "Failed to resolve hostname"),
            .connectionRefused(endpoint: endpoint),
            .timedOut(endpoint: endpoint, phase: .connect, after: .milliseconds(1500)),
            .sessionFailed(endpoint: endpoint, phase: .kex, reason: "no matching cipher"),
            .hostKeyUnknown(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: "/kh"),
            .hostKeyChanged(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: "/kh"),
            .hostKeyOtherType(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: "/kh"),
            .hostKeyCheckFailed(endpoint: endpoint, fingerprint: nil, knownHostsPath: "/kh", reason: "EACCES"),
            .authenticationFailed(endpoint: endpoint, triedMethods: []),
            .encryptedKeyWithoutPassphrase(endpoint: endpoint, keyPath: "/k"),
            .keyPassphraseRejected(endpoint: endpoint, keyPath: "/k"),
            .keyFileUnreadable(endpoint: endpoint, keyPath: "/k", reason: "no such file"),
            .channel(endpoint: endpoint, operation: "opening a session channel", reason: "refused"),
            .connectionLost(endpoint: endpoint, operation: "writing stdin", reason: "Connection reset by peer"),
            .outputTooLarge(endpoint: endpoint, command: "cat /big", limit: 10),
            .sessionClosed(endpoint: endpoint),
        ]
        for error in errors {
            XCTAssertTrue(error.description.contains("db1"), error.description)
        }
    }

    func testEndpointShowsTheConfigHostNameAndKnownHostsForm() {
        XCTAssertEqual(endpoint.description, "ops@db1:22 (HostName 10.0.0.5)")
        XCTAssertEqual(endpoint.knownHostsName, "10.0.0.5")
        XCTAssertEqual(SSHEndpoint(host: "h", port: 2222, user: "u").knownHostsName, "[h]:2222")
    }

    func testUnknownHostKeyAdviceOnPort22OmitsThePortFlag() {
        let message = SSHError.hostKeyUnknown(endpoint: endpoint, fingerprint: fingerprint, knownHostsPath: "/kh").description
        XCTAssertTrue(message.contains("`ssh-keyscan 10.0.0.5 >> /kh`"), message)
        XCTAssertTrue(message.contains("ssh-ed25519 SHA256:abc"), message)
    }

    func testTimeoutSaysHowLongAndWhere() {
        let message = SSHError.timedOut(endpoint: endpoint, phase: .banner, after: .milliseconds(1520)).description
        XCTAssertTrue(message.contains("timed out after 1.5 s during waiting for the SSH banner"), message)
    }

    func testLongCommandsAreShortenedInMessages() {
        XCTAssertEqual(CommandSummary.short("echo hi"), "echo hi")
        XCTAssertEqual(CommandSummary.short("echo hi\n"), "echo hi")
        XCTAssertEqual(CommandSummary.short("set -e\necho hi\n"), "set -e …")
        XCTAssertEqual(CommandSummary.short(String(repeating: "x", count: 70)), String(repeating: "x", count: 60) + " …")
    }

    func testPassphraseIsRedactedInOptionsDescription() {
        var options = SSHConnectionOptions(host: "db1")
        options.passphrase = "correct horse"
        XCTAssertFalse(options.description.contains("correct horse"))
        XCTAssertTrue(options.description.contains("passphrase: <redacted>"))
    }

    func testTildeIsExpandedOnlyAtTheStart() {
        XCTAssertEqual(HomeDirectory.expandingTilde(in: "~/.ssh/id"), HomeDirectory.path + "/.ssh/id")
        XCTAssertEqual(HomeDirectory.expandingTilde(in: "/a/~/b"), "/a/~/b")
    }
}
