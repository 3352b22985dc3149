import Foundation
import XCTest
@testable import PawsCore

/// Runs the remote change scripts on this machine with `/bin/sh` (dash here) and with busybox's
/// sh and applets, against files in a temporary folder.
final class RemediationRemoteScriptTests: XCTestCase {
    private var folder = ""
    private let runID = RemediationFixtures.runID

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.path + "/pawsguard-remote-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/etc/sysctl.d", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The shells to run each script with: `/bin/sh` with the system's tools, and busybox with only its applets.
    private func shells() throws -> [(name: String, shell: String, path: String?)] {
        var shells: [(String, String, String?)] = [("sh", "/bin/sh", nil)]
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/busybox") || FileManager.default.isExecutableFile(atPath: "/bin/busybox") {
            let busybox = FileManager.default.isExecutableFile(atPath: "/usr/bin/busybox") ? "/usr/bin/busybox" : "/bin/busybox"
            let applets = folder + "/busybox-bin"
            try FileManager.default.createDirectory(atPath: applets, withIntermediateDirectories: true)
            for applet in ["sh", "sha256sum", "cut", "cp", "mkdir", "chown", "chmod", "mv", "sync", "cat", "rm", "rmdir", "stat", "printf", "echo", "readlink"] {
                try FileManager.default.createSymbolicLink(atPath: applets + "/" + applet, withDestinationPath: busybox)
            }
            shells.append(("busybox", applets + "/sh", applets))
        }
        return shells
    }

    private func run(_ script: String, stdin: [UInt8] = [], shell: String, path: String?) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", script]
        if let path { process.environment = ["PATH": path] }
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let stdout = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testWriteReplacesTheFileKeepingModeAndLeavesABackup() throws {
        for (name, shell, path) in try shells() {
            let file = folder + "/etc/sysctl.d/60-\(name).conf"
            let old = Array("a = 1\r\nnet.ipv4.tcp_tw_recycle = 1\r\n".utf8)
            let new = Array("a = 1\r\n# pawsguard x: net.ipv4.tcp_tw_recycle = 1\r\n".utf8)
            XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data(old), attributes: [.posixPermissions: 0o640]))
            let backup = folder + "/backups/\(runID)" + file
            let script = RemoteFileWriteScript(
                path: file, expectedCurrentHash: SHA256.hexDigest(old), newHash: SHA256.hexDigest(new),
                attributes: FileAttributes(mode: "640", uid: getuid(), gid: getgid()), backupPath: backup, runID: runID)
            let result = try run(script.script, stdin: new, shell: shell, path: path)
            XCTAssertEqual(RemoteScriptStatus.parse(result.stdout), RemoteScriptStatus(word: "ok"), "\(name): \(result.stderr)")
            XCTAssertEqual(result.status, 0, name)
            XCTAssertEqual(FileManager.default.contents(atPath: file).map { [UInt8]($0) }, new, name)
            XCTAssertEqual(try mode(file), 0o640, name)
            XCTAssertEqual(FileManager.default.contents(atPath: backup).map { [UInt8]($0) }, old, name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: script.temporaryPath), name)
        }
    }

    func testAFileChangedSinceTheProbeIsLeftAlone() throws {
        for (name, shell, path) in try shells() {
            let file = folder + "/etc/sysctl.conf"
            XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("changed\n".utf8)))
            let script = RemoteFileWriteScript(
                path: file, expectedCurrentHash: SHA256.hexDigest(Array("original\n".utf8)), newHash: SHA256.hexDigest([0x78]),
                attributes: nil, backupPath: nil, runID: runID)
            let result = try run(script.script, stdin: [0x78], shell: shell, path: path)
            XCTAssertEqual(RemoteScriptStatus.parse(result.stdout)?.word, "changed", name)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertEqual(FileManager.default.contents(atPath: file), Data("changed\n".utf8), name)
        }
    }

    func testDamagedContentAndSymlinksAreRefused() throws {
        for (name, shell, path) in try shells() {
            let file = folder + "/etc/sysctl.conf"
            XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x\n".utf8)))
            let damaged = RemoteFileWriteScript(
                path: file, expectedCurrentHash: SHA256.hexDigest(Array("x\n".utf8)), newHash: SHA256.hexDigest(Array("full\n".utf8)),
                attributes: nil, backupPath: nil, runID: runID)
            let result = try run(damaged.script, stdin: Array("fu".utf8), shell: shell, path: path)
            XCTAssertEqual(RemoteScriptStatus.parse(result.stdout)?.word, "error", name)
            XCTAssertEqual(FileManager.default.contents(atPath: file), Data("x\n".utf8), name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: damaged.temporaryPath), "\(name): temporary file removed")

            let link = folder + "/etc/sysctl.d/99-sysctl.conf"
            try? FileManager.default.removeItem(atPath: link)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../sysctl.conf")
            let throughLink = RemoteFileWriteScript(path: link, expectedCurrentHash: nil, newHash: SHA256.hexDigest([]), attributes: nil, backupPath: nil, runID: runID)
            let refused = try run(throughLink.script, shell: shell, path: path)
            XCTAssertEqual(RemoteScriptStatus.parse(refused.stdout)?.word, "not-regular", name)
        }
    }

    func testStatScriptReportsHashModeAndOwner() throws {
        for (name, shell, path) in try shells() {
            let file = folder + "/etc/sysctl.conf"
            XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("abc".utf8), attributes: [.posixPermissions: 0o600]))
            let result = try run(RemoteFileStatScript.script(paths: [file, folder + "/missing", folder + "/etc"]), shell: shell, path: path)
            let states = RemoteFileStatScript.parse(result.stdout, count: 3)
            XCTAssertEqual(states?.first, .present(hash: SHA256.hexDigest(Array("abc".utf8)), attributes: FileAttributes(mode: "600", uid: getuid(), gid: getgid())!, canonicalPath: file), "\(name): \(result.stderr)")
            XCTAssertEqual(states?[1], .absent)
            XCTAssertEqual(states?[2], .notRegular)
        }
    }

    func testLiveWriteChecksTheOldValueAndReadsBack() throws {
        // A plain file stands in for /proc/sys: the script only reads and writes it.
        for (name, shell, path) in try shells() {
            let key = try XCTUnwrap(SysctlKey("fake.key"))
            let script = RemoteLiveWriteScript.script(key: key, value: "0", expected: "1")
                .replacingOccurrences(of: key.procPath, with: folder + "/live")
            XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/live", contents: Data("1\n".utf8)))
            let result = try run(script, shell: shell, path: path)
            XCTAssertEqual(RemoteScriptStatus.parse(result.stdout)?.word, "ok", "\(name): \(result.stderr)")
            XCTAssertEqual(FileManager.default.contents(atPath: folder + "/live"), Data("0\n".utf8))
            let again = try run(script, shell: shell, path: path)
            XCTAssertEqual(RemoteScriptStatus.parse(again.stdout), RemoteScriptStatus(word: "changed", detail: "0"), name)
        }
    }

    func testLockIsExclusiveAndReentrantForItsRun() throws {
        for (name, shell, path) in try shells() {
            let lock = folder + "/lock-\(name)"
            func script(_ text: String) -> String { text.replacingOccurrences(of: RemoteLockScript.lockDirectory, with: lock) }
            let other = try XCTUnwrap(RunID("20261127T130000Z-ffffff"))
            XCTAssertEqual(RemoteScriptStatus.parse(try run(script(RemoteLockScript.acquire(owner: runID, details: "me")), shell: shell, path: path).stdout)?.word, "ok")
            XCTAssertEqual(RemoteScriptStatus.parse(try run(script(RemoteLockScript.acquire(owner: runID, details: "me")), shell: shell, path: path).stdout)?.word, "ok")
            let refused = RemoteScriptStatus.parse(try run(script(RemoteLockScript.acquire(owner: other, details: "them")), shell: shell, path: path).stdout)
            XCTAssertEqual(refused?.word, "locked")
            XCTAssertEqual(refused?.detail, "\(runID) me")
            XCTAssertEqual(RemoteScriptStatus.parse(try run(script(RemoteLockScript.acquire(owner: other, takeOverFrom: [runID], details: "rb")), shell: shell, path: path).stdout)?.word, "ok")
            _ = try run(script(RemoteLockScript.release(owner: other)), shell: shell, path: path)
            XCTAssertFalse(FileManager.default.fileExists(atPath: lock), name)
        }
    }

    func testSudoRefusalsAreRecognised() {
        XCTAssertEqual(SudoRefusal.classify(stderr: "sudo: a password is required\n", exitStatus: 1), .passwordRequired)
        XCTAssertEqual(SudoRefusal.classify(stderr: "bob is not in the sudoers file.  This incident will be reported.\n", exitStatus: 1), .notAllowed)
        XCTAssertEqual(SudoRefusal.classify(stderr: "sh: 1: sudo: not found\n", exitStatus: 127), .missing)
        XCTAssertNil(SudoRefusal.classify(stderr: "cp: cannot stat\n", exitStatus: 1))
        XCTAssertEqual(RemotePrivilege.sudo(user: nil).command(script: "echo 'x'"), #"sudo -n -- sh -c 'echo '\''x'\'''"#)
        XCTAssertEqual(RemotePrivilege.forLogin(uid: "0", becomeUser: nil), .loginUser)
        XCTAssertEqual(RemotePrivilege.forLogin(uid: "1000", becomeUser: nil), .sudo(user: nil))
    }
}
