import Foundation

/// Runs a child process to completion with a timeout. stdout and stderr are drained on their own threads
/// while the process runs, so a child that fills one pipe while we wait on the other cannot deadlock, and
/// every wait is bounded, so a stuck child fails a test instead of hanging the suite.
enum ProcessRunner {
    /// How long to wait for the pipes to close after the process ended (a grandchild may hold them).
    private static let outputGrace: TimeInterval = 5
    /// How long a process gets to exit after SIGTERM, and again after SIGKILL.
    private static let killGrace: TimeInterval = 5

    static func run(
        _ executable: String,
        _ arguments: [String],
        stdin: String? = nil,
        environment: [String: String] = [:],
        timeout: TimeInterval = 120
    ) throws -> ProcessOutcome {
        let path = try resolve(executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, override in override }
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        let stdinPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = stdin == nil ? FileHandle.nullDevice : stdinPipe

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw TestFleetError.launchFailed(command: [path] + arguments, reason: "\(error)")
        }
        let stdout = OutputCollector.draining(stdoutPipe.fileHandleForReading)
        let stderr = OutputCollector.draining(stderrPipe.fileHandleForReading)
        if let stdin {
            let writer = stdinPipe.fileHandleForWriting
            Thread.detachNewThread {
                // A child that exits without reading its input closes the pipe: ignore that write error.
                try? writer.write(contentsOf: Data(stdin.utf8))
                try? writer.close()
            }
        }

        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + killGrace) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = exited.wait(timeout: .now() + killGrace)
            }
        }
        // Foundation only knows a process's status once it has seen it exit.
        let status = process.isRunning ? -1 : process.terminationStatus
        return ProcessOutcome(
            status: status,
            stdout: stdout.text(waitingUpTo: outputGrace),
            stderr: stderr.text(waitingUpTo: outputGrace),
            timedOut: timedOut)
    }

    /// An absolute path as is; a bare name looked up in PATH, as a shell would.
    static func resolve(_ executable: String) throws -> String {
        if executable.contains("/") { return executable }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw TestFleetError.toolMissing(name: executable, searchPath: searchPath)
    }
}
