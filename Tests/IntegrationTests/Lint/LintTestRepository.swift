import Foundation
import XCTest

/// A throwaway repository for lint tests: files written on demand, optionally a git work tree, and
/// `pawsguard lint` run inside it the way CI would.
final class LintTestRepository {
    let root: String

    init(git: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
        if git {
            try runTool("git", ["init", "-q", "."])
            try runTool("git", ["config", "user.email", "lint@localhost"])
            try runTool("git", ["config", "user.name", "lint test"])
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// `git add` of the given paths (all when empty), then a commit.
    func commit(_ paths: [String] = []) throws {
        try runTool("git", ["add", "--"] + (paths.isEmpty ? ["."] : paths))
        try runTool("git", ["commit", "-q", "-m", "fixture", "--allow-empty"])
    }

    /// Runs `pawsguard lint ARGS` with the repository (or `directory` inside it) as working directory.
    func lint(_ arguments: [String], in directory: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> LintRun {
        let binary = Pawsguard.binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            XCTFail("pawsguard binary not found at \(binary); build it or set PAWSGUARD_BIN", file: file, line: line)
            return LintRun(status: 127, stdout: "", stderr: "")
        }
        do {
            let run = try Self.execute(binary, ["lint"] + arguments, in: directory.map(path) ?? root)
            if run.stderr.contains("Unexpected argument 'lint'") || run.stderr.contains("unknown subcommand") {
                XCTFail("\(binary) has no `lint` subcommand: LintCommand.self must be in PawsguardCommand's subcommands", file: file, line: line)
            }
            return run
        } catch {
            XCTFail("could not run \(binary): \(error)", file: file, line: line)
            return LintRun(status: 127, stdout: "", stderr: "\(error)")
        }
    }

    /// Runs `pawsguard lint ARGS` in an existing directory.
    static func lint(in directory: String, _ arguments: [String]) throws -> LintRun {
        try execute(Pawsguard.binaryPath, ["lint"] + arguments, in: directory)
    }

    @discardableResult
    func runTool(_ tool: String, _ arguments: [String]) throws -> LintRun {
        let run = try Self.execute("/usr/bin/env", [tool] + arguments, in: root)
        guard run.status == 0 else {
            throw LintTestError.toolFailed(command: ([tool] + arguments).joined(separator: " "), status: run.status, stderr: run.stderr)
        }
        return run
    }

    /// Output goes to files, not pipes: a child writing a lot can never block on a full pipe.
    private static func execute(_ executable: String, _ arguments: [String], in directory: String) throws -> LintRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lint-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        for url in [outURL, errURL] where !FileManager.default.createFile(atPath: url.path, contents: nil) {
            throw LintTestError.scratchUnavailable(path: url.path)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw LintTestError.timedOut(command: ([executable] + arguments).joined(separator: " "))
        }
        try out.close()
        try err.close()
        return LintRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
