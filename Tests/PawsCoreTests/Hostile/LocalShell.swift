import Foundation

/// Runs real shells on this machine, so quoting is judged by `sh` itself rather than by a model of it.
enum LocalShell {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]

        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// The POSIX shells pawsguard's remote scripts must work on, as far as this machine has them:
    /// `sh` (dash on Debian), dash, bash and busybox ash.
    static let available: [[String]] = {
        let candidates = [["/bin/sh"], ["/bin/dash"], ["/bin/bash"], ["/bin/busybox", "sh"]]
        return candidates.filter { FileManager.default.isExecutableFile(atPath: $0[0]) }
    }()

    static func name(_ shell: [String]) -> String {
        shell.joined(separator: " ")
    }

    /// Runs `shell` with `arguments`, feeding `stdin`, and collects both outputs.
    static func run(_ shell: [String], _ arguments: [String], stdin: [UInt8] = [], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell[0])
        process.arguments = Array(shell.dropFirst()) + arguments
        if let environment { process.environment = environment }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        let writer = input.fileHandleForWriting
        let stdinData = Data(stdin)
        let stderrBox = CollectedBytes()
        let feeding = DispatchGroup()
        feeding.enter()
        Thread.detachNewThread {
            // A shell that exits early closes its stdin; the write then fails, which is fine here.
            try? writer.write(contentsOf: stdinData)
            try? writer.close()
            feeding.leave()
        }
        let errorReader = errors.fileHandleForReading
        feeding.enter()
        Thread.detachNewThread {
            stderrBox.set(errorReader.readDataToEndOfFile())
            feeding.leave()
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        feeding.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: Array(stdout), stderr: Array(stderrBox.get()))
    }

    private final class CollectedBytes: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func set(_ newData: Data) {
            lock.lock()
            data = newData
            lock.unlock()
        }

        func get() -> Data {
            lock.lock()
            defer { lock.unlock() }
            return data
        }
    }
}
