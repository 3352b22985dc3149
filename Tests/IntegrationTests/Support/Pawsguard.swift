import Foundation
import XCTest

/// Runs the built `pawsguard` binary the way a user would.
enum Pawsguard {
    /// The binary under test: `PAWSGUARD_BIN` if set (as `make test` does); else the `pawsguard` built next
    /// to this test bundle (same scratch path, same sources); else `<repo>/.build/debug/pawsguard`.
    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["PAWSGUARD_BIN"], !path.isEmpty { return path }
        // On Linux the test bundle is an executable in the build's bin folder, beside pawsguard.
        if let testsBinary = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let besideTests = testsBinary.deletingLastPathComponent().appendingPathComponent("pawsguard").path
            if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        }
        return RepositoryLayout.root.appendingPathComponent(".build/debug/pawsguard").path
    }

    /// Runs pawsguard with `args`, feeding `stdin` if given, with `environment` added to this process's.
    /// A missing binary or a run past `timeout` fails the calling test (and returns status 127 or the
    /// status of the killed process).
    static func run(
        _ args: [String],
        stdin: String? = nil,
        environment: [String: String] = [:],
        timeout: TimeInterval = 120,
        file: StaticString = #filePath,
        line: UInt = #line
    ) -> (status: Int32, stdout: String, stderr: String) {
        let binary = binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            let message = "pawsguard binary not found at \(binary); build it (`swift build`) or set PAWSGUARD_BIN"
            XCTFail(message, file: file, line: line)
            return (127, "", message)
        }
        do {
            let outcome = try ProcessRunner.run(binary, args, stdin: stdin, environment: environment, timeout: timeout)
            if outcome.timedOut {
                XCTFail(
                    "pawsguard \(args.joined(separator: " ")) ran longer than \(Int(timeout)) s and was killed; "
                        + "stderr so far: \(outcome.stderr)", file: file, line: line)
            }
            return (outcome.status, outcome.stdout, outcome.stderr)
        } catch {
            XCTFail("could not run \(binary): \(error)", file: file, line: line)
            return (127, "", "\(error)")
        }
    }
}
