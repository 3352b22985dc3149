import Foundation
import XCTest
@testable import PawsCore

/// The apply side's remote scripts carry host file names (from the probe), values, users and lock
/// details. Whatever they hold, it reaches `sh` only inside single quotes, and the scripts, run for
/// real on every local shell, act on exactly the file they name.
final class RemoteScriptHostileTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var marker: String { scratch.appendingPathComponent("injected").path }

    private var runID: RunID {
        RunID("20240101T000000Z-hostile") ?? RunID.generate()
    }

    func testHostileValuesStayInsideSingleQuotes() throws {
        var hostile = HostileText(seed: 0x5EED_1001, marker: marker)
        for (index, text) in hostile.batch(300, allowNUL: false).enumerated() {
            let token = "Zq\(index)Tok"
            let value = text + token
            let path = "/etc/sysctl.d/" + value
            let scripts = [
                RemoteFileWriteScript(
                    path: path, expectedCurrentHash: value, newHash: value, attributes: nil, backupPath: path + ".bak", runID: runID
                ).script,
                RemoteFileStatScript.script(paths: [path, "/etc/sysctl.conf"]),
                RemoteLiveWriteScript.script(key: .tcpTwRecycle, value: value, expected: value, runID: runID),
                RemoteLockScript.acquire(owner: runID, details: value),
                RemotePrivilege.sudo(user: value).command(script: "printf %s " + ShellQuote.quote(value)),
                RemotePrivilege.sudo(user: value).stdinScriptCommand,
            ]
            for (number, script) in scripts.enumerated() {
                XCTAssertTrue(script.contains(token), "case \(index), script \(number) lost the value")
                XCTAssertFalse(ShellExposure.exposedText(of: script).contains(token),
                               "case \(index), script \(number): \(value.debugDescription) appears outside single quotes")
            }
        }
    }

    /// File names for this machine's file system: no `/` or NUL; line breaks are left to
    /// `testFileWriteReplacesExactlyTheNamedFile` (the stat script's line protocol cannot carry them).
    private func hostileFileNames(seed: UInt64, count: Int, allowLineBreaks: Bool) -> [String] {
        var hostile = HostileText(seed: seed, marker: marker)
        var seen = Set<String>()
        var names: [String] = []
        for text in hostile.batch(count * 3, allowNUL: false, maximumLength: 100) where names.count < count {
            var name = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "/" ? "_" : $0 }))
            if !allowLineBreaks && name.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { continue }
            while name.utf8.count > 200 { name.unicodeScalars.removeLast() }
            name += ".conf"
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// `RemoteFileWriteScript` as `apply` sends it (`sh -c '<script>'`, content on stdin), on files
    /// with hostile names: the named file gets the new bytes, its backup the old ones, and nothing
    /// else changes.
    func testFileWriteReplacesExactlyTheNamedFile() throws {
        let directory = scratch.appendingPathComponent("sysctl.d")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let names = hostileFileNames(seed: 0x5EED_1002, count: 12, allowLineBreaks: true)
        for shell in LocalShell.available {
            for (index, name) in names.enumerated() {
                let path = directory.appendingPathComponent(name).path
                let old = Array("net.ipv4.tcp_tw_recycle = 1 # \(index)\n".utf8)
                let new = Array("# net.ipv4.tcp_tw_recycle = 1 # \(index) $(touch \(marker))\nnet.ipv4.tcp_tw_recycle = 0\n".utf8)
                try Data(old).write(to: URL(fileURLWithPath: path))
                let backup = scratch.appendingPathComponent("backup").appendingPathComponent(name).path
                let script = RemoteFileWriteScript(
                    path: path, expectedCurrentHash: SHA256.hexDigest(old), newHash: SHA256.hexDigest(new),
                    attributes: nil, backupPath: backup, runID: runID)
                let result = try LocalShell.run(shell, ["-c", RemotePrivilege.loginUser.command(script: script.script)], stdin: new)
                let context = "\(LocalShell.name(shell)), \(name.debugDescription)"
                XCTAssertEqual(RemoteScriptStatus.parse(result.stdout)?.word, "ok", "\(context): \(String(decoding: result.stdout, as: UTF8.self)) \(result.stderrText)")
                XCTAssertEqual(FileManager.default.contents(atPath: path).map(Array.init), new, context)
                XCTAssertEqual(FileManager.default.contents(atPath: backup).map(Array.init), old, context)
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            XCTAssertEqual(Set(left), Set(names), "\(LocalShell.name(shell)) left other files behind")
            try FileManager.default.removeItem(at: scratch.appendingPathComponent("backup"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a file name or content ran a command")
    }

    /// The stat script reports each hostile-named file under its own index with its own hash and
    /// canonical path.
    func testFileStatReportsExactlyTheNamedFiles() throws {
        let directory = scratch.appendingPathComponent("stat.d")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Backslash escapes that dash's `echo` would interpret: `\n` broke a line, `\c` cut the output.
        let names = ["a\\nb.conf", "c\\cd.conf", "e\\\\f.conf", "g\\0101.conf"]
            + hostileFileNames(seed: 0x5EED_1003, count: 20, allowLineBreaks: false)
        var paths: [String] = []
        var contents: [[UInt8]] = []
        for (index, name) in names.enumerated() {
            let path = directory.appendingPathComponent(name).path
            let content = Array("net.ipv4.tcp_tw_recycle = \(index)\n".utf8)
            try Data(content).write(to: URL(fileURLWithPath: path))
            paths.append(path)
            contents.append(content)
        }
        paths.append(directory.appendingPathComponent("absent $(touch \(marker)).conf").path)
        for shell in LocalShell.available {
            let result = try LocalShell.run(shell, ["-c", RemotePrivilege.loginUser.command(script: RemoteFileStatScript.script(paths: paths))])
            let states = RemoteFileStatScript.parse(result.stdout, count: paths.count)
            XCTAssertEqual(states?.count, paths.count, "\(LocalShell.name(shell)): \(result.stderrText)")
            for (index, state) in (states ?? []).enumerated() {
                if index == names.count {
                    XCTAssertEqual(state, .absent, LocalShell.name(shell))
                    continue
                }
                guard case .present(let hash, _, let canonicalPath) = state else {
                    XCTFail("\(LocalShell.name(shell)): \(paths[index].debugDescription) is \(state)")
                    continue
                }
                XCTAssertEqual(hash, SHA256.hexDigest(contents[index]), "\(LocalShell.name(shell)): \(paths[index].debugDescription)")
                XCTAssertEqual(canonicalPath, URL(fileURLWithPath: paths[index]).resolvingSymlinksInPath().path,
                               "\(LocalShell.name(shell)): \(paths[index].debugDescription)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a file name ran a command")
    }
}
