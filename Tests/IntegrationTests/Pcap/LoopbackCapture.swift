import Foundation
import XCTest

/// A tcpdump process writing a capture (`tcpdump -i IFACE -w FILE -U`), started before a test makes its
/// connections and stopped by its pid afterwards.
final class LoopbackCapture {
    let path: String
    private let process = Process()
    private let errorLog: String

    /// Starts tcpdump and waits until it says it is listening.
    init(tcpdump: String, interface: String = "lo", filter: String, extraArguments: [String] = []) throws {
        let directory = NSTemporaryDirectory() + "pawsguard-pcap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/capture.pcap"
        errorLog = directory + "/tcpdump.err"
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        process.executableURL = URL(fileURLWithPath: tcpdump)
        // --immediate-mode: without it TPACKET_V3 hands packets over only when a block fills or times out, and
        // packets of the last second can be lost when tcpdump is stopped. -Z root: keep writing as root.
        process.arguments = ["-i", interface, "-w", path, "-U", "--immediate-mode", "-Z", "root"] + extraArguments + [filter]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: errorLog)
        try process.run()

        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if log.contains("listening on") { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw CaptureStartError(log: log)
    }

    private var log: String {
        (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? ""
    }

    /// Stops tcpdump (SIGINT to its pid, so it flushes and closes the file) and waits for it to exit.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

struct CaptureStartError: Error, CustomStringConvertible {
    var log: String

    var description: String { "tcpdump did not start capturing: \(log)" }
}
