import Foundation
import PawsSSH
import XCTest

/// Authentication through a real ssh-agent, reached like libssh does: via `SSH_AUTH_SOCK`.
final class AgentAuthenticationTests: XCTestCase {
    private var server: LoopbackSSHServer!
    private var agent: DaemonProcess!
    private var agentSocket = ""
    private var savedAuthSock: String?

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-agent") else {
            throw XCTSkip("needs /usr/bin/ssh-agent (openssh-client)")
        }
        server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
        agentSocket = server.directory + "/agent.sock"
        agent = try DaemonProcess(
            executable: "/usr/bin/ssh-agent", arguments: ["-D", "-a", agentSocket], logPath: server.directory + "/agent.log")
        let readyBy = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: agentSocket) && Date() < readyBy {
            Thread.sleep(forTimeInterval: 0.02)
        }
        savedAuthSock = getenv("SSH_AUTH_SOCK").map { String(cString: $0) }
        setenv("SSH_AUTH_SOCK", agentSocket, 1)
    }

    override func tearDown() {
        if let savedAuthSock { setenv("SSH_AUTH_SOCK", savedAuthSock, 1) } else { unsetenv("SSH_AUTH_SOCK") }
        agent = nil
        server = nil
    }

    private func addToAgent(_ keyPath: String) throws {
        try ExternalTool.run("/usr/bin/ssh-add", ["-q", keyPath], environment: ["SSH_AUTH_SOCK": agentSocket])
    }

    private func agentOnlyOptions() -> SSHConnectionOptions {
        var options = server.options(identityFiles: [])
        options.useAgent = true
        return options
    }

    func testAgentKeyAuthenticatesWithoutAnyKeyFile() throws {
        try addToAgent(server.clientKeyPath)
        let session = try SSHSession(options: agentOnlyOptions())
        XCTAssertEqual(try session.exec(command: "echo agent").stdoutText, "agent\n")
    }

    func testAgentIsAskedFirstAmongConfiguredIdentities() throws {
        try addToAgent(server.clientKeyPath)
        var options = agentOnlyOptions()
        options.useConfiguredIdentities = true
        XCTAssertNoThrow(try SSHSession(options: options).close())
    }

    func testEncryptedKeyFileIsUsableThroughTheAgentHoldingIt() throws {
        let key = try server.makeClientKey(named: "later_locked")
        try server.authorize(publicKeyPath: key + ".pub")
        try addToAgent(key)
        try ExternalTool.run(SSHServerRequirement.sshKeygenPath, ["-q", "-p", "-N", "now locked", "-f", key])
        var options = agentOnlyOptions()
        options.identityFiles = [key]
        XCTAssertNoThrow(try SSHSession(options: options).close())
    }

    func testAgentIsNotUsedWhenDisabled() throws {
        try addToAgent(server.clientKeyPath)
        var options = agentOnlyOptions()
        options.useAgent = false
        options.useConfiguredIdentities = true
        XCTAssertThrowsError(try SSHSession(options: options)) { error in
            guard case SSHError.authenticationFailed(_, let tried) = error else {
                return XCTFail("expected authenticationFailed, got \(error)")
            }
            XCTAssertFalse(tried.contains { if case .agent = $0.method { true } else { false } }, "\(tried)")
        }
    }

    func testAgentWithoutTheRightKeyIsListedAmongTriedMethods() throws {
        let stranger = try server.makeClientKey(named: "stranger")
        try addToAgent(stranger)
        XCTAssertThrowsError(try SSHSession(options: agentOnlyOptions())) { error in
            guard case SSHError.authenticationFailed(_, let tried) = error else {
                return XCTFail("expected authenticationFailed, got \(error)")
            }
            XCTAssertEqual(tried, [SSHAuthAttempt(method: .agent(socket: agentSocket), outcome: .denied)])
        }
    }
}
