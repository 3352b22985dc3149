import Foundation
import PawsSSH
import XCTest

final class SSHConfigTests: XCTestCase {
    private var server: LoopbackSSHServer!

    override func setUpWithError() throws {
        server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
    }

    override func tearDown() {
        server = nil
    }

    private func writeConfig(_ text: String) throws -> String {
        let path = server.directory + "/ssh_config"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func aliasOptions(configPath: String) -> SSHConnectionOptions {
        var options = server.options(identityFiles: [])
        options.host = "paws-test-alias"
        options.port = nil
        options.user = nil
        options.readsSSHConfig = true
        options.sshConfigPath = configPath
        options.useConfiguredIdentities = true
        return options
    }

    func testHostNamePortUserAndIdentityFileComeFromTheConfig() throws {
        let configPath = try writeConfig("""
            Host paws-test-alias
                HostName 127.0.0.1
                Port \(server.port)
                User root
                IdentityFile \(server.clientKeyPath)
            """)
        let session = try SSHSession(options: aliasOptions(configPath: configPath))
        XCTAssertEqual(session.endpoint, SSHEndpoint(host: "paws-test-alias", hostname: "127.0.0.1", port: server.port, user: "root"))
        XCTAssertEqual(try session.exec(command: "id -un").stdoutText, "root\n")
    }

    func testInventoryPortUserAndKeysOverrideTheConfig() throws {
        let closedPort = try LoopbackSocket.freePort()
        let configPath = try writeConfig("""
            Host paws-test-alias
                HostName 127.0.0.1
                Port \(closedPort)
                User nobody
            """)
        var options = aliasOptions(configPath: configPath)
        options.port = server.port
        options.user = "root"
        options.identityFiles = [server.clientKeyPath]
        let session = try SSHSession(options: options)
        XCTAssertEqual(session.endpoint.port, server.port)
        XCTAssertEqual(session.endpoint.user, "root")
        XCTAssertEqual(try session.exec(command: "id -un").stdoutText, "root\n")
    }

    func testConfigLogLevelDoesNotMakeLibsshPrintOrPrompt() throws {
        let configPath = try writeConfig("""
            Host paws-test-alias
                LogLevel DEBUG3
                HostName 127.0.0.1
                Port \(server.port)
                User root
                IdentityFile \(server.clientKeyPath)
                StrictHostKeyChecking no
            Host other
                User nobody
            Match host *
                Compression no
            """)
        // StrictHostKeyChecking no in the config must not weaken our own policy.
        try FileManager.default.removeItem(atPath: server.knownHostsPath)
        XCTAssertThrowsError(try SSHSession(options: aliasOptions(configPath: configPath))) { error in
            guard case SSHError.hostKeyUnknown = error else { return XCTFail("expected hostKeyUnknown, got \(error)") }
        }
    }

    func testDisabledConfigIgnoresTheAlias() throws {
        let configPath = try writeConfig("Host paws-test-alias\n    HostName 127.0.0.1\n")
        var options = aliasOptions(configPath: configPath)
        options.readsSSHConfig = false
        XCTAssertThrowsError(try SSHSession(options: options)) { error in
            guard case SSHError.unreachable(let endpoint, let reason) = error else {
                return XCTFail("expected unreachable, got \(error)")
            }
            XCTAssertEqual(endpoint.hostname, "paws-test-alias")
            XCTAssertTrue(reason.contains("paws-test-alias"), reason)
        }
    }

    func testMissingConfigFileNamedByTheCallerIsAnError() throws {
        let missing = server.directory + "/no_such_config"
        XCTAssertThrowsError(try SSHSession(options: aliasOptions(configPath: missing))) { error in
            guard case SSHError.sshConfigFailed(_, missing, _) = error else {
                return XCTFail("expected sshConfigFailed, got \(error)")
            }
        }
    }

    func testProxyJumpGoesThroughTheJumpHostWithoutPrompting() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") else {
            throw XCTSkip("ProxyJump needs the OpenSSH client at /usr/bin/ssh")
        }
        var options = server.options()
        options.proxyJump = "root@127.0.0.1:\(server.port)"
        let session = try SSHSession(options: options)
        // Through the jump host, sshd sees the connection coming from its own forwarding.
        XCTAssertEqual(try session.exec(command: "echo $SSH_CONNECTION | cut -d' ' -f1").stdoutText, "127.0.0.1\n")
        XCTAssertEqual(try session.exec(command: "echo via-jump").stdoutText, "via-jump\n")
    }
}
