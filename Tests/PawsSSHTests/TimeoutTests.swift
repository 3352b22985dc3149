import Foundation
import PawsSSH
import XCTest

/// Hosts that refuse, drop or stall must fail within the connect timeout, in the right phase.
final class TimeoutTests: XCTestCase {
    private let timeout = Duration.milliseconds(1500)
    private let margin = Duration.milliseconds(1000)

    private func options(port: Int) -> SSHConnectionOptions {
        SSHConnectionOptions(
            host: "127.0.0.1", port: port, user: "root", knownHostsPath: "/dev/null",
            globalKnownHostsPath: "/dev/null", connectTimeout: timeout, useAgent: false,
            useConfiguredIdentities: false, readsSSHConfig: false)
    }

    /// Connects expecting a failure and returns it with the time it took.
    private func failingConnect(port: Int) throws -> (error: SSHError, elapsed: Duration) {
        let started = ContinuousClock.now
        do {
            _ = try SSHSession(options: options(port: port))
        } catch let error as SSHError {
            return (error, started.duration(to: .now))
        }
        throw XCTSkip("connection unexpectedly succeeded")
    }

    func testClosedPortIsRefusedQuickly() throws {
        let port = try LoopbackSocket.freePort()
        let (error, elapsed) = try failingConnect(port: port)
        guard case .connectionRefused(let endpoint) = error else { return XCTFail("expected connectionRefused, got \(error)") }
        XCTAssertEqual(endpoint.port, port)
        XCTAssertLessThan(elapsed, .milliseconds(500))
        XCTAssertTrue("\(error)".contains("connection refused"), "\(error)")
    }

    func testBlackHoledHostTimesOutInTheConnectPhase() throws {
        let blackHole = try MisbehavingTCPServer.blackHole()
        defer { blackHole.stop() }
        let (error, elapsed) = try failingConnect(port: blackHole.port)
        guard case .timedOut(_, .connect, _) = error else { return XCTFail("expected connect timeout, got \(error)") }
        XCTAssertGreaterThanOrEqual(elapsed, timeout - .milliseconds(100))
        XCTAssertLessThan(elapsed, timeout + margin)
        XCTAssertTrue("\(error)".contains("127.0.0.1:\(blackHole.port)"), "\(error)")
    }

    func testServerThatNeverSendsABannerTimesOut() throws {
        let silent = try MisbehavingTCPServer.silent()
        defer { silent.stop() }
        let (error, elapsed) = try failingConnect(port: silent.port)
        guard case .timedOut(_, .banner, _) = error else { return XCTFail("expected banner timeout, got \(error)") }
        XCTAssertLessThan(elapsed, timeout + margin)
    }

    func testServerThatStallsAfterItsBannerTimesOutInKeyExchange() throws {
        let stalling = try MisbehavingTCPServer.stallingAfterBanner()
        defer { stalling.stop() }
        let (error, elapsed) = try failingConnect(port: stalling.port)
        guard case .timedOut(_, .kex, _) = error else { return XCTFail("expected kex timeout, got \(error)") }
        XCTAssertLessThan(elapsed, timeout + margin)
    }

    func testServerThatStallsDuringAuthenticationTimesOutInTheAuthPhase() throws {
        // sshd runs AuthorizedKeysCommand for a key missing from authorized_keys: `sleep 5`
        // keeps it from answering the publickey request.
        let server = try LoopbackSSHServer(
            extraConfig: "AuthorizedKeysCommand /usr/bin/sleep 5\nAuthorizedKeysCommandUser root")
        try server.trustCurrentHostKey()
        let stranger = try server.makeClientKey(named: "stranger")
        let started = ContinuousClock.now
        XCTAssertThrowsError(
            try SSHSession(options: server.options(identityFiles: [stranger], connectTimeout: timeout))
        ) { error in
            guard case SSHError.timedOut(_, .auth, _) = error else { return XCTFail("expected auth timeout, got \(error)") }
        }
        XCTAssertLessThan(started.duration(to: .now), timeout + margin)
    }

    func testTimeoutIsOneBudgetForTheWholeConnection() throws {
        // A real server, but too little time for everything: whatever phase it ends in,
        // it ends by the deadline.
        let server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
        let started = ContinuousClock.now
        XCTAssertThrowsError(try SSHSession(options: server.options(connectTimeout: .milliseconds(2)))) { error in
            guard case SSHError.timedOut = error else { return XCTFail("expected a timeout, got \(error)") }
        }
        XCTAssertLessThan(started.duration(to: .now), .milliseconds(500))
    }
}
