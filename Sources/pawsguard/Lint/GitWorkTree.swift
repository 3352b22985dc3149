import Foundation

/// Asks git which files a directory's work tree tracks. Runs `git` with arguments only (no shell).
enum GitWorkTree {
    enum Answer {
        /// The directory is in a work tree: its root, and the tracked paths below the directory
        /// (relative to the directory).
        case tracked(root: String, paths: [String])
        /// Not a work tree, or git is not installed.
        case notAWorkTree
        /// git is there but refused (unsafe ownership, a broken repository): why.
        case refused(String)
    }

    static func trackedFiles(in directory: String) -> Answer {
        guard let git = executablePath("git") else { return .notAWorkTree }
        let topLevel = run(git, ["-C", directory, "rev-parse", "--show-toplevel"])
        guard topLevel.status == 0 else {
            let message = String(decoding: topLevel.error, as: UTF8.self)
            if message.contains("not a git repository") || message.isEmpty { return .notAWorkTree }
            return .refused(message.split(separator: "\n").first.map(String.init) ?? message)
        }
        let root = String(decoding: topLevel.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let listing = run(git, ["-C", directory, "ls-files", "-z", "--cached", "--full-name", "--", "."])
        guard listing.status == 0 else {
            return .refused(String(decoding: listing.error, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "git ls-files failed")
        }
        // --full-name gives root-relative paths; make them relative to `directory`.
        let prefixResult = run(git, ["-C", directory, "rev-parse", "--show-prefix"])
        let prefix = String(decoding: prefixResult.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let paths = listing.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            return String(path.dropFirst(prefix.count))
        }
        return .tracked(root: root, paths: paths)
    }

    private static func executablePath(_ name: String) -> String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return searchPath.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (127, Data(), Data("\(error)".utf8))
        }
        // Drain stderr on its own thread: a full pipe would block git while we read stdout.
        let errorData = ErrorDrain(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, outputData, errorData.wait())
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorDrain: @unchecked Sendable {
    // Guarded by `done`: written once by the reader thread before it signals.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
