import Foundation
import XCTest
@testable import PawsCore

/// Config file names on a host are untrusted too: the real probe script, run by every local shell
/// over an `/etc/sysctl.d` full of hostile names (spaces, quotes, `$(...)`, backticks, `;`,
/// newlines, combining marks, framing shapes), reports every file under its exact name with its
/// exact bytes and runs nothing it finds.
///
/// Needs root: the names live in a private mount namespace (`unshare -m`) where a scratch folder is
/// bind-mounted over `/etc/sysctl.d`, so this machine's own configuration is never touched.
final class ProbeHostileFileNameTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
              FileManager.default.fileExists(atPath: "/etc/sysctl.d") else {
            throw XCTSkip("needs root, unshare(1) and /etc/sysctl.d to mount hostile file names over it privately")
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pawsguard-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("sysctl.d"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private var marker: String { scratch.appendingPathComponent("injected").path }

    /// File names from hostile text: no `/` or NUL (a name cannot hold them), at most 200 bytes.
    private func hostileNames(count: Int) -> [String] {
        var hostile = HostileText(seed: 0x5EED_0F01, marker: marker)
        var names: [String] = []
        var seen = Set<String>()
        for text in hostile.batch(count * 2, allowNUL: false, maximumLength: 120) where names.count < count {
            var name = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "/" ? "_" : $0 }))
            while name.utf8.count > 200 { name.unicodeScalars.removeLast() }
            name += ".conf"
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    func testEveryHostileFileNameArrivesExactlyOnEveryShell() throws {
        let directory = scratch.appendingPathComponent("sysctl.d")
        var expected: [String: [UInt8]] = [:]
        for (index, name) in hostileNames(count: 40).enumerated() {
            let content = Array("# \(name)\nnet.ipv4.tcp_tw_recycle = \(index % 2)\n$(touch \(marker))\n".utf8)
            try Data(content).write(to: directory.appendingPathComponent(name))
            expected["/etc/sysctl.d/" + name] = content
        }
        // Inside a name, `/` became `_`: an injected `touch _tmp_..._injected` would land in `cwd`.
        let linkName = "99-link $(touch link-name) '\u{301}.conf"
        let linkTarget = "../sysctl.d/`touch link-target`; '.conf"
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(linkName).path, withDestinationPath: linkTarget)

        let workingDirectory = scratch.appendingPathComponent("cwd")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        let request = ProbeRequest(keys: ["net.ipv4.tcp_timestamps"])
        let script = Array(ProbeScript.make(request).utf8)
        for shell in LocalShell.available {
            let inNamespace = "mount --bind \"$1\" /etc/sysctl.d || exit 99; cd \"$2\" || exit 98; shift 2; exec \"$@\" -s"
            let result = try LocalShell.run(
                ["/usr/bin/unshare"],
                ["-m", "--propagation", "private", "/bin/sh", "-c", inNamespace, "sh", directory.path, workingDirectory.path] + shell,
                stdin: script)
            XCTAssertEqual(result.status, 0, "\(LocalShell.name(shell)): \(result.stderrText)")
            let snapshot = try ProbeOutputParser(request: request, host: "local").parse(result.stdout)
            var found: [String: [UInt8]] = [:]
            for file in snapshot.configFiles where file.path.hasPrefix("/etc/sysctl.d/") && file.symlinkTarget == nil {
                found[file.path] = file.bytes
            }
            XCTAssertEqual(Set(found.keys), Set(expected.keys), LocalShell.name(shell))
            for (path, bytes) in expected {
                XCTAssertEqual(found[path], bytes, "\(LocalShell.name(shell)): \(path.debugDescription)")
            }
            let link = snapshot.configFiles.first { $0.path == "/etc/sysctl.d/" + linkName }
            XCTAssertEqual(link?.symlinkTarget, linkTarget, LocalShell.name(shell))
            XCTAssertEqual(link?.content, .absent, LocalShell.name(shell))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a file name or its content ran a command")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: workingDirectory.path), [], "a file name ran a command")
    }
}
