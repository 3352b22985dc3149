import Foundation
import PawsSSH
import XCTest

/// Many sessions on many plain threads at once, one session per thread, as the fleet runner does.
final class ConcurrencyTests: XCTestCase {
    /// Collects each thread's outcome.
    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Int: Result<String, SSHError>] = [:]

        func record(_ index: Int, _ result: Result<String, SSHError>) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        var all: [Int: Result<String, SSHError>] {
            lock.lock()
            defer { lock.unlock() }
            return results
        }
    }

    func testFiftySessionsOnFiftyThreadsAllSucceed() throws {
        let server = try LoopbackSSHServer()
        try server.trustCurrentHostKey()
        let options = server.options(connectTimeout: .seconds(20))
        let threadCount = 50
        let outcomes = Outcomes()
        let finished = DispatchGroup()

        let started = ContinuousClock.now
        for index in 0..<threadCount {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                do {
                    let session = try SSHSession(options: options)
                    defer { session.close() }
                    let result = try session.exec(command: "echo \(index); echo e\(index) >&2")
                    outcomes.record(index, .success(result.stdoutText + result.stderrText))
                } catch let error as SSHError {
                    outcomes.record(index, .failure(error))
                } catch {
                    outcomes.record(index, .failure(.invalidOptions(host: "?", reason: "\(error)")))
                }
            }
            thread.start()
        }
        XCTAssertEqual(finished.wait(timeout: .now() + 45), .success, "threads did not finish")
        let elapsed = started.duration(to: .now)

        let results = outcomes.all
        XCTAssertEqual(results.count, threadCount)
        for index in 0..<threadCount {
            switch results[index] {
            case .success(let output): XCTAssertEqual(output, "\(index)\ne\(index)\n")
            case .failure(let error): XCTFail("session \(index): \(error)")
            case nil: XCTFail("session \(index) reported nothing")
            }
        }
        XCTAssertLessThan(elapsed, .seconds(30))
    }
}
