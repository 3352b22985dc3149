import Foundation
import XCTest

/// The test fleet needs root (mount namespaces) and openssh-server. Without them a test is skipped on a
/// developer machine and fails under CI (`CI=true`), where skipping would hide that nothing ran.
enum FleetRequirement {
    static func check(file: StaticString = #filePath, line: UInt = #line) throws {
        guard let reason = missingRequirement() else { return }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("test fleet unavailable under CI: \(reason)", file: file, line: line)
            throw TestFleetError.requirementMissing(reason: reason)
        }
        throw XCTSkip("needs root and openssh-server (\(reason)); run `make test` as root")
    }

    /// Nil when the fleet can run; otherwise what is missing.
    static func missingRequirement() -> String? {
        if geteuid() != 0 {
            return "not running as root (euid \(geteuid()))"
        }
        let sshdCandidates = ["/usr/sbin/sshd", "/usr/local/sbin/sshd"]
        if !sshdCandidates.contains(where: FileManager.default.isExecutableFile(atPath:)),
            (try? ProcessRunner.resolve("sshd")) == nil
        {
            return "sshd not found (apt-get install -y openssh-server)"
        }
        return nil
    }
}
