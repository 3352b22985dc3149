import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// What the live-capture tests need: tcpdump, and root to capture. Missing either skips the test on a
/// developer machine; under CI (CI=true) it fails, since CI is set up to have both.
enum CaptureToolRequirements {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The tcpdump executable, searched in PATH and the sbin directories.
    static var tcpdumpPath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/sbin"]
        return directories.map { $0 + "/tcpdump" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Returns tcpdump's path, or skips (fails under CI) the calling test.
    static func requireTcpdump(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let tcpdump = tcpdumpPath else {
            try unavailable("tcpdump is not installed (apt-get install -y tcpdump)", file: file, line: line)
        }
        guard getuid() == 0 else {
            try unavailable("capturing on loopback needs root", file: file, line: line)
        }
        return tcpdump
    }

    private static func unavailable(_ reason: String, file: StaticString, line: UInt) throws -> Never {
        if isCI { XCTFail("CI=true but \(reason)", file: file, line: line) }
        throw XCTSkip(reason, file: file, line: line)
    }
}
