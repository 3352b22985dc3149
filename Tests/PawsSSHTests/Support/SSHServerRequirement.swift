import Foundation
import XCTest

/// Decides what a test does when this machine cannot run a real sshd: skip locally, fail in CI
/// (CI=true), so a broken CI image never turns the SSH suite silently green.
enum SSHServerRequirement {
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    static let sshdPath = "/usr/sbin/sshd"
    static let sshKeygenPath = "/usr/bin/ssh-keygen"

    static func check(file: StaticString = #filePath, line: UInt = #line) throws {
        guard let reason = missingReason() else { return }
        let message = "PawsSSH loopback tests need a real sshd: \(reason)"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail(message, file: file, line: line)
            throw Unavailable(description: message)
        }
        throw XCTSkip(message + " (skipped; set CI=true to make this a failure)")
    }

    private static func missingReason() -> String? {
        if getuid() != 0 { return "not running as root (sshd needs root to switch users and bind its privsep dir)" }
        let files = FileManager.default
        if !files.isExecutableFile(atPath: sshdPath) { return "\(sshdPath) not found; install openssh-server" }
        if !files.isExecutableFile(atPath: sshKeygenPath) { return "\(sshKeygenPath) not found; install openssh-client" }
        return nil
    }
}
