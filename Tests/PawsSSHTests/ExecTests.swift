import Foundation
import PawsSSH
import XCTest

final class ExecTests: XCTestCase {
    private var server: LoopbackSSHServer!
    private var session: SSHSession!

    override func setUpWithError() throws {
        server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
        session = try SSHSession(options: server.options())
    }

    override func tearDown() {
        session?.close()
        session = nil
        server = nil
    }

    func testStdoutStderrAndNonZeroExitAreReturnedAsData() throws {
        let result = try session.exec(command: "echo hi; echo err >&2; exit 3")
        XCTAssertEqual(result.stdoutText, "hi\n")
        XCTAssertEqual(result.stderrText, "err\n")
        XCTAssertEqual(result.exitStatus, .exited(3))
        XCTAssertEqual(result.exitCode, 3)
    }

    func testSeveralCommandsRunOnOneSession() throws {
        for index in 0..<5 {
            let result = try session.exec(command: "echo \(index)")
            XCTAssertEqual(result.stdoutText, "\(index)\n")
            XCTAssertEqual(result.exitStatus, .exited(0))
        }
    }

    func testLargeStdoutAndStderrAreDrainedTogether() throws {
        let result = try session.exec(command: "head -c 20000000 /dev/zero; head -c 1000000 /dev/zero >&2")
        XCTAssertEqual(result.stdout.count, 20_000_000)
        XCTAssertEqual(result.stderr.count, 1_000_000)
        XCTAssertEqual(result.exitStatus, .exited(0))
    }

    func testInterleavedLargeStderrDoesNotBlockStdout() throws {
        let result = try session.exec(
            command: "for i in 1 2 3 4 5; do head -c 300000 /dev/zero >&2; head -c 300000 /dev/zero; done")
        XCTAssertEqual(result.stdout.count, 1_500_000)
        XCTAssertEqual(result.stderr.count, 1_500_000)
    }

    func testLargeStdinIsEchoedBackWhileOutputIsDrained() throws {
        var input = [UInt8](repeating: 0, count: 5_000_000)
        for index in input.indices { input[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 9) }
        let result = try session.exec(command: "cat", stdin: input)
        XCTAssertEqual(result.stdout.count, input.count)
        XCTAssertTrue(result.stdout == input, "cat returned different bytes")
        XCTAssertEqual(result.exitStatus, .exited(0))
    }

    func testStdinIsClosedSoReadersFinish() throws {
        let result = try session.exec(command: "wc -c", stdin: Array("12345".utf8))
        XCTAssertEqual(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), "5")
        let empty = try session.exec(command: "wc -c", stdin: [])
        XCTAssertEqual(empty.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    func testCommandThatIgnoresStdinStillCompletes() throws {
        let result = try session.exec(command: "echo done", stdin: [UInt8](repeating: 65, count: 3_000_000))
        XCTAssertEqual(result.stdoutText, "done\n")
        XCTAssertEqual(result.exitStatus, .exited(0))
    }

    func testKilledCommandReportsTheSignal() throws {
        let result = try session.exec(command: "kill -KILL $$")
        XCTAssertEqual(result.exitStatus, .killedBySignal("KILL", coreDumped: false))
        XCTAssertNil(result.exitCode)
    }

    func testOutputOverTheLimitIsAClearError() throws {
        var options = server.options()
        options.maxOutputBytes = 100_000
        let limited = try SSHSession(options: options)
        defer { limited.close() }
        XCTAssertThrowsError(try limited.exec(command: "head -c 1000000 /dev/zero")) { error in
            guard case SSHError.outputTooLarge(_, _, let limit) = error else {
                return XCTFail("expected outputTooLarge, got \(error)")
            }
            XCTAssertEqual(limit, 100_000)
            XCTAssertTrue("\(error)".contains("127.0.0.1:\(server.port)"), "\(error)")
        }
        // The session stays usable after the refused command.
        XCTAssertEqual(try limited.exec(command: "echo ok").stdoutText, "ok\n")
    }

    func testSlowCommandTimesOutAtTheCommandDeadline() throws {
        let started = ContinuousClock.now
        XCTAssertThrowsError(try session.exec(command: "sleep 10", timeout: .milliseconds(800))) { error in
            guard case SSHError.timedOut(_, .exec, _) = error else {
                return XCTFail("expected exec timeout, got \(error)")
            }
        }
        XCTAssertLessThan(started.duration(to: .now), .seconds(3))
    }

    func testFrozenServerTimesOutOpeningTheChannelAndClosesPromptly() throws {
        // SIGSTOP the server's processes for this connection: the channel-open request is never
        // answered. libssh's blocking channel calls must honour the deadline, and so must close().
        server.signalConnectionProcesses(SIGSTOP)
        defer { server.signalConnectionProcesses(SIGCONT) }
        let started = ContinuousClock.now
        XCTAssertThrowsError(try session.exec(command: "echo hi", timeout: .seconds(1))) { error in
            guard case SSHError.timedOut(_, .exec, _) = error else { return XCTFail("expected exec timeout, got \(error)") }
        }
        XCTAssertLessThan(started.duration(to: .now), .seconds(2))
        let closing = ContinuousClock.now
        session.close()
        XCTAssertLessThan(closing.duration(to: .now), .seconds(2))
    }

    func testConnectionDroppedMidCommandIsAnErrorNotACrashOrHang() throws {
        // Killing the server's session process drops the TCP connection while stdin is still
        // being written: libssh must not raise SIGPIPE and the pump must not wait forever.
        let started = ContinuousClock.now
        XCTAssertThrowsError(
            try session.exec(command: "kill -9 $PPID", stdin: [UInt8](repeating: 7, count: 20_000_000))
        ) { error in
            guard case SSHError.connectionLost = error else { return XCTFail("expected connectionLost, got \(error)") }
            XCTAssertTrue("\(error)".contains("127.0.0.1:\(server.port)"), "\(error)")
        }
        XCTAssertLessThan(started.duration(to: .now), .seconds(5))
        XCTAssertThrowsError(try session.exec(command: "true")) { error in
            guard case SSHError.connectionLost = error else { return XCTFail("expected connectionLost, got \(error)") }
        }
    }

    func testEndlessFastOutputStopsAtTheDeadline() throws {
        var options = server.options()
        options.maxOutputBytes = Int.max
        let unlimited = try SSHSession(options: options)
        defer { unlimited.close() }
        let started = ContinuousClock.now
        XCTAssertThrowsError(try unlimited.exec(command: "yes", timeout: .milliseconds(700))) { error in
            guard case SSHError.timedOut(_, .exec, _) = error else { return XCTFail("expected exec timeout, got \(error)") }
        }
        XCTAssertLessThan(started.duration(to: .now), .seconds(3))
    }

    func testExecAfterCloseIsRefused() throws {
        session.close()
        XCTAssertThrowsError(try session.exec(command: "true")) { error in
            guard case SSHError.sessionClosed = error else { return XCTFail("expected sessionClosed, got \(error)") }
        }
    }
}
