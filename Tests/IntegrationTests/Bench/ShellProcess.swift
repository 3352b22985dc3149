import Foundation

/// Runs a local shell on a script given on stdin and keeps its output as bytes (probe output may hold
/// any byte, so it must not go through a String).
enum ShellProcess {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// The POSIX shells the probe must work on, as far as this machine has them.
    static let available: [[String]] = [["/bin/dash"], ["/bin/bash"], ["/bin/busybox", "sh"]]
        .filter { FileManager.default.isExecutableFile(atPath: $0[0]) }

    static func run(_ shell: [String], script: String, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell[0])
        process.arguments = Array(shell.dropFirst()) + ["-s"]
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = OutputCollector.draining(errors.fileHandleForReading)
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            try? writer.write(contentsOf: Data(script.utf8))
            try? writer.close()
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: Array(stdout), stderr: errorText.text(waitingUpTo: 5))
    }
}
