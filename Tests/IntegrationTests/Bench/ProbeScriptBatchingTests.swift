import Foundation
import PawsCore
import XCTest

/// The probe hands many files to one `cat` (text between them as here-documents) so that a host spends
/// as little CPU on it as possible. These tests run the real script on every local shell against a
/// tree of awkward sysctl files and check that the output is still byte for byte what the files hold,
/// in both of the script's ways (batched, and one `cat` per file where here-documents fail), and that
/// the number of processes stays what the benchmark reports.
final class ProbeScriptBatchingTests: XCTestCase {
    private var root: URL!
    private var tools: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-probe-batch-\(UUID().uuidString)")
        tools = root.appendingPathComponent("tools")
        for directory in ProbeScript.sysctlDirectories + ["/etc", "/proc-net", "/tools"] {
            try FileManager.default.createDirectory(
                atPath: root.path + directory, withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private let request = ProbeRequest(keys: ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_timestamps"], sampleIntervalSeconds: nil)

    /// Files no line-oriented reader would get right, and more than one batch of them.
    private func writeAwkwardFiles() throws -> [String: [UInt8]] {
        let etc = root.path + "/etc/sysctl.d"
        var files: [String: [UInt8]] = [
            "\(etc)/10-no-newline.conf": Array("a = 1\nb = 2".utf8),
            "\(etc)/11-crlf.conf": Array("x=1\r\ny=2\r\n".utf8),
            "\(etc)/12-nul.conf": [0x6E, 0x3D, 0x31, 0x00, 0x00, 0x6D, 0x3D, 0x32, 0x0A],
            "\(etc)/13-not-utf8.conf": [0xFF, 0xFE, 0x20, 0x62, 0x3D, 0xC3, 0x28, 0x0A],
            "\(etc)/14-empty.conf": [],
            "\(etc)/20 space and it's $(touch INJECTED).conf": Array("q=1\n".utf8),
            "\(etc)/21-looks-like-framing.conf": Array("E3\nE9\n$P3\nPGB0123 end\n".utf8),
            "\(etc)/22-large.conf": Array(repeating: Array("net.core.somaxconn = 4096 # padding\n".utf8), count: 3000).flatMap { $0 },
            root.path + "/usr/lib/sysctl.d/50-vendor.conf": Array("vendor=1\n".utf8),
            root.path + "/etc/sysctl.conf": Array("kernel.x = 1\n# no newline at the end".utf8),
        ]
        for index in 30..<45 {
            files["\(etc)/\(index)-many.conf"] = Array("key\(index) = \(index)\n".utf8)
        }
        for (path, bytes) in files {
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)), path)
        }
        try FileManager.default.createSymbolicLink(atPath: "\(etc)/99-sysctl.conf", withDestinationPath: "../sysctl.conf")
        try FileManager.default.createSymbolicLink(atPath: "\(etc)/15-masked.conf", withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(atPath: "\(etc)/16-dangling.conf", withDestinationPath: "/nonexistent/x.conf")
        try "TcpExt: PAWSPassive ListenDrops\nTcpExt: 0 0\n".write(toFile: root.path + "/proc-net/netstat", atomically: true, encoding: .utf8)
        return files
    }

    /// The script, pointed at the scratch tree instead of the real sysctl directories.
    private func script(batched: Bool = true) -> String {
        var text = ProbeScript.make(request)
        for directory in ProbeScript.sysctlDirectories + [ProbeScript.sysctlConf] {
            text = text.replacingOccurrences(of: ShellQuote.quote(directory), with: ShellQuote.quote(root.path + directory))
        }
        if !batched {
            // What the script does where here-documents cannot be created.
            XCTAssertTrue(text.contains("then H=1; fi"))
            text = text.replacingOccurrences(of: "then H=1; fi", with: "then H=0; fi")
        }
        return text
    }

    /// Logs every `cat` and `readlink` the script starts, then runs the real one.
    private func environmentCountingTools() throws -> [String: String] {
        for tool in ["cat", "readlink"] {
            let wrapper = tools.appendingPathComponent(tool).path
            let real = ["/bin/\(tool)", "/usr/bin/\(tool)"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? tool
            try "#!/bin/sh\necho \(tool) >> '\(root.path)/tools.log'\nexec \(real) \"$@\"\n"
                .write(toFile: wrapper, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = tools.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["PAWSGUARD_PROC_NET"] = root.path + "/proc-net"
        return environment
    }

    private func toolLog() -> [String] {
        let log = (try? String(contentsOfFile: root.path + "/tools.log", encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: root.path + "/tools.log")
        return log.split(separator: "\n").map(String.init)
    }

    func testEveryFileArrivesByteForByteOnEveryShellBatchedOrNot() throws {
        XCTAssertFalse(ShellProcess.available.isEmpty, "no POSIX shell found")
        let files = try writeAwkwardFiles()
        let environment = try environmentCountingTools()
        var reference: [UInt8]?
        for shell in ShellProcess.available {
            for batched in [true, false] {
                let label = "\(shell.joined(separator: " ")) \(batched ? "batched" : "one cat per file")"
                let result = try ShellProcess.run(shell, script: script(batched: batched), environment: environment)
                XCTAssertEqual(result.status, 0, "\(label): \(result.stderr)")
                let snapshot = try ProbeOutputParser(request: request, host: "local").parse(result.stdout)
                for (path, bytes) in files {
                    let probed = snapshot.configFiles.first { $0.path == path }
                    XCTAssertEqual(probed?.content, .bytes(bytes), "\(label): \(path)")
                }
                let byPath = Dictionary(snapshot.configFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
                let etc = root.path + "/etc/sysctl.d"
                // Links to the two conventional targets are told apart with `test -ef`, no readlink.
                XCTAssertEqual(byPath["\(etc)/99-sysctl.conf"]?.symlinkTarget, root.path + "/etc/sysctl.conf", label)
                XCTAssertEqual(byPath["\(etc)/99-sysctl.conf"]?.content, files[root.path + "/etc/sysctl.conf"].map { .bytes($0) }, label)
                XCTAssertEqual(byPath["\(etc)/15-masked.conf"]?.symlinkTarget, "/dev/null", label)
                XCTAssertEqual(byPath["\(etc)/16-dangling.conf"]?.content, .absent, label)
                XCTAssertEqual(snapshot.netstatSamples, [.text("TcpExt: PAWSPassive ListenDrops\nTcpExt: 0 0\n")], label)
                XCTAssertNotNil(snapshot.kernelRelease, label)
                // Both ways print the very same bytes, on every shell.
                if let reference {
                    XCTAssertEqual(result.stdout, reference, "\(label) differs from the first shell's output")
                } else {
                    reference = result.stdout
                }

                let started = toolLog()
                // Only the dangling link needs readlink; the mask and 99-sysctl.conf take `test -ef`.
                let links = 1
                if batched {
                    // The live keys (those this machine has), netstat, the files and the two readable
                    // symlinks (tcp and tcp6 are absent here) in batches of at most 8, plus one
                    // readlink for the unusual link; os-release is read with the `read` builtin.
                    let liveKeys = request.keys.filter { FileManager.default.fileExists(atPath: ProbeScript.procPath(ofKey: $0)) }.count
                    let catted = liveKeys + 1 + files.count + 2
                    XCTAssertEqual(started.filter { $0 == "cat" }.count, (catted + 7) / 8, "\(label): \(started)")
                } else {
                    XCTAssertGreaterThan(started.filter { $0 == "cat" }.count, 20, label)
                }
                XCTAssertEqual(started.filter { $0 == "readlink" }.count, links, label)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "INJECTED"), "a file name ran as a command")
    }

    func testSamplingReadsTheFirstCountersBeforeSleeping() throws {
        _ = try writeAwkwardFiles()
        let environment = try environmentCountingTools()
        let netstat = root.path + "/proc-net/netstat"
        let sampling = ProbeRequest(keys: request.keys, sampleIntervalSeconds: 1, boundary: request.boundary)
        var text = ProbeScript.make(sampling)
        for directory in ProbeScript.sysctlDirectories + [ProbeScript.sysctlConf] {
            text = text.replacingOccurrences(of: ShellQuote.quote(directory), with: ShellQuote.quote(root.path + directory))
        }
        for shell in ShellProcess.available {
            try "first\n".write(toFile: netstat, atomically: false, encoding: .utf8)
            let rewrite = Thread {
                Thread.sleep(forTimeInterval: 0.5)
                try? "second\n".write(toFile: netstat, atomically: false, encoding: .utf8)
            }
            rewrite.start()
            let result = try ShellProcess.run(shell, script: text, environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            let snapshot = try ProbeOutputParser(request: sampling, host: "local").parse(result.stdout)
            XCTAssertEqual(snapshot.netstatSamples, [.text("first\n"), .text("second\n")], shell.joined(separator: " "))
            _ = toolLog()
        }
    }
}
