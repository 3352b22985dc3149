import Foundation

/// Remembers the thread that created an object and, in debug builds, traps when another thread
/// uses it. A libssh session must never be touched by two threads; the fleet runner gives each
/// host's whole flow one dedicated thread, and this catches any slip.
struct ThreadConfinement {
    private let owner = pthread_self()

    func assertOnOwnerThread(_ operation: StaticString, file: StaticString = #file, line: UInt = #line) {
        assert(
            pthread_equal(owner, pthread_self()) != 0,
            "SSHSession.\(operation) called from a thread other than the one that created the session",
            file: file, line: line)
    }
}
