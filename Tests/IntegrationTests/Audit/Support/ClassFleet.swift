import Foundation
import XCTest

/// One test fleet shared by every test of a class: started by the first test that asks for it,
/// stopped by the class's `tearDown()`. Starting a fleet costs seconds; a class of tests that only
/// read from it pays once. A failed start (or a skip for lack of root) is remembered and rethrown
/// to every later test, so a broken fleet is reported, not retried per test.
///
///     private static let shared = ClassFleet(scenario: "audit-rules")
///     override class func tearDown() { shared.stop(); super.tearDown() }
///     func testX() throws { let fleet = try Self.shared.fleet() ... }
final class ClassFleet: @unchecked Sendable {
    // Mutable state is guarded by `lock`; @unchecked because NSLock does the synchronisation.
    private let lock = NSLock()
    private let scenario: String
    private let hosts: [String]?
    private var started: Result<TestFleet, any Error>?

    init(scenario: String, hosts: [String]? = nil) {
        self.scenario = scenario
        self.hosts = hosts
    }

    func fleet() throws -> TestFleet {
        lock.lock()
        defer { lock.unlock() }
        if started == nil {
            started = Result { try TestFleet.start(scenario: scenario, hosts: hosts) }
        }
        guard let started else { preconditionFailure("set just above") }
        return try started.get()
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        if case .success(let fleet) = started { fleet.stop() }
        started = nil
    }
}
