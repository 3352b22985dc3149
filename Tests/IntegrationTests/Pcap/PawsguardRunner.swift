import Foundation
import XCTest

/// Runs the built `pawsguard` binary: PAWSGUARD_BIN, else `<repo>/.build/debug/pawsguard`.
struct PawsguardRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    let binary: String

    /// The runner, or a skip when there is no binary with a `pcap` subcommand to run.
    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> PawsguardRunner {
        let environment = ProcessInfo.processInfo.environment
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = environment["PAWSGUARD_BIN"] ?? repository.appendingPathComponent(".build/debug/pawsguard").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("no pawsguard binary at \(binary); build it or set PAWSGUARD_BIN", file: file, line: line)
        }
        let runner = PawsguardRunner(binary: binary)
        guard try runner.run(["pcap", "--help"]).status == 0 else {
            throw XCTSkip("\(binary) has no 'pcap' subcommand yet", file: file, line: line)
        }
        return runner
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        // Standard error goes to a file and standard output is read to its end before waiting, so that a large
        // report cannot fill a pipe and stall the child.
        let errorPath = NSTemporaryDirectory() + "pawsguard-stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }
}
