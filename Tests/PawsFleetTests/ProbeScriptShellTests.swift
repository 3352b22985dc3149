import Foundation
import PawsCore
import PawsFleet
import XCTest

/// Runs the real probe script (`ProbeScript.make`) through `LocalTransport` with each shell a host
/// may have as `sh` — dash, bash and busybox ash — the way a fleet audit does (`sh -s`, the script
/// on stdin), parses what it printed and checks it against the files themselves. The three shells
/// must print byte-for-byte the same output.
///
/// The second test runs in a private mount namespace (root only) over sysctl files made to be
/// awkward: CRLF, no final newline, non-UTF-8 bytes, an empty file, a forged boundary line, a name
/// with spaces, a /dev/null mask, a dangling symlink and the distro 99-sysctl.conf symlink. A file
/// that only root may read cannot be tested as root (root reads mode 000 files); the fleet
/// integration tests cover it with a non-root audit user.
final class ProbeScriptShellTests: XCTestCase {
    /// A fixed boundary, so that the outputs of different shells can be compared byte for byte.
    private let boundary = "PGB0123456789abcdef0123456789abcdef"
    private let absentKey = "net.ipv4.pawsguard_no_such_key"
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("probe-shells-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    // MARK: the tests

    func testEveryShellReadsThisMachineTheSameWay() throws {
        let procNet = try makeProcNet()
        let request = ProbeRequest(keys: ["net.ipv4.tcp_timestamps", "kernel.pid_max", absentKey], boundary: boundary)
        let script = ProbeScript.make(request)
        var outputs: [(shell: String, stdout: [UInt8])] = []
        for shell in try shells() {
            let result = try LocalTransport(shell: shell.path).run(
                "PAWSGUARD_PROC_NET=\(ShellQuote.quote(procNet)) exec \(ShellQuote.quote(shell.path)) -s", stdin: Array(script.utf8))
            XCTAssertEqual(result.exitStatus, 0, "\(shell.name): \(result.stderrText)")
            XCTAssertEqual(result.stderrText, "", "\(shell.name) must print nothing on stderr")
            let snapshot = try ProbeOutputParser(request: request, host: shell.name).parse(result.stdout)

            XCTAssertEqual(snapshot.kernelRelease, try procValue("kernel/osrelease"), shell.name)
            XCTAssertEqual(snapshot.hostname, try procValue("kernel/hostname"), shell.name)
            XCTAssertEqual(snapshot.live["net.ipv4.tcp_timestamps"], .value(try procValue("net/ipv4/tcp_timestamps")), shell.name)
            XCTAssertEqual(snapshot.live["kernel.pid_max"], .value(try procValue("kernel/pid_max")), shell.name)
            XCTAssertEqual(snapshot.live[absentKey], .absent, shell.name)
            XCTAssertEqual(snapshot.osRelease, try? String(contentsOfFile: "/etc/os-release", encoding: .utf8), shell.name)
            XCTAssertEqual(snapshot.netstatSamples, [.text(try String(contentsOfFile: procNet + "/netstat", encoding: .utf8))])
            XCTAssertEqual(snapshot.tcp, .text(try String(contentsOfFile: procNet + "/tcp", encoding: .utf8)), shell.name)
            XCTAssertEqual(snapshot.tcp6, .absent, shell.name)
            try assertFilesMatchDisk(snapshot.configFiles, root: "", shell: shell.name)
            outputs.append((shell.name, result.stdout))
        }
        assertIdentical(outputs)
    }

    func testEveryShellReadsAwkwardSysctlFilesExactly() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root for a private mount namespace (unshare, mount --bind)") }
        let tree = try makeAwkwardTree()
        let procNet = try makeProcNet()
        let request = ProbeRequest(keys: ["net.ipv4.tcp_timestamps", absentKey], sampleIntervalSeconds: 1, boundary: boundary)
        let script = ProbeScript.make(request)
        var outputs: [(shell: String, stdout: [UInt8])] = []
        for shell in try shells() {
            let result = try LocalTransport(shell: shell.path).run(
                namespaceCommand(tree: tree, procNet: procNet, shell: shell.path), stdin: Array(script.utf8))
            XCTAssertEqual(result.exitStatus, 0, "\(shell.name): \(result.stderrText)")
            XCTAssertEqual(result.stderrText, "", "\(shell.name) must print nothing on stderr")
            let snapshot = try ProbeOutputParser(request: request, host: shell.name).parse(result.stdout)

            XCTAssertEqual(snapshot.live[absentKey], .absent, shell.name)
            XCTAssertEqual(snapshot.netstatSamples.count, 2, "\(shell.name): two samples with a sample interval")
            XCTAssertEqual(snapshot.sampleIntervalSeconds, 1)
            XCTAssertEqual(
                snapshot.configFiles.map(\.path), expectedAwkwardListing(), "\(shell.name): every file, in glob order, sysctl.conf last")
            try assertFilesMatchDisk(snapshot.configFiles, root: tree, shell: shell.name)
            let byPath = Dictionary(snapshot.configFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            XCTAssertEqual(byPath["/etc/sysctl.d/50-masked.conf"]?.symlinkTarget, "/dev/null", shell.name)
            XCTAssertEqual(byPath["/etc/sysctl.d/50-masked.conf"]?.content, .bytes([]), shell.name)
            XCTAssertEqual(byPath["/etc/sysctl.d/60-dangling.conf"]?.content, .absent, shell.name)
            XCTAssertEqual(byPath["/etc/sysctl.d/99-sysctl.conf"]?.symlinkTarget, "/etc/sysctl.conf", shell.name)
            XCTAssertEqual(byPath["/etc/sysctl.d/20-empty.conf"]?.content, .bytes([]), shell.name)
            outputs.append((shell.name, result.stdout))
        }
        assertIdentical(outputs)
    }

    // MARK: shells

    private struct Shell {
        let name: String
        let path: String
    }

    /// dash (`/bin/sh` on Debian), bash and busybox's ash. busybox picks its applet from the name it
    /// is started as, so it runs through a symlink named `sh`.
    private func shells() throws -> [Shell] {
        var shells = [Shell(name: "dash", path: "/bin/sh"), Shell(name: "bash", path: "/bin/bash")]
        XCTAssertEqual(
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/bin/sh"), "dash", "/bin/sh is expected to be dash")
        guard let busybox = ["/usr/bin/busybox", "/bin/busybox"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            let message = "busybox is not installed (apt-get install -y busybox; it is in the Makefile's APT_PACKAGES)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message) } else { throw XCTSkip(message) }
            return shells
        }
        let link = scratch + "/busybox-bin/sh"
        try FileManager.default.createDirectory(atPath: scratch + "/busybox-bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: busybox)
        shells.append(Shell(name: "busybox", path: link))
        return shells
    }

    private func assertIdentical(_ outputs: [(shell: String, stdout: [UInt8])], file: StaticString = #filePath, line: UInt = #line) {
        guard let first = outputs.first else { return XCTFail("no shell ran", file: file, line: line) }
        for other in outputs.dropFirst() where other.stdout != first.stdout {
            let firstText = String(decoding: first.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let otherText = String(decoding: other.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let differing = zip(firstText, otherText).enumerated().first { $0.element.0 != $0.element.1 }
            XCTFail(
                "\(other.shell) printed other bytes than \(first.shell) (\(other.stdout.count) vs \(first.stdout.count) bytes); "
                    + "first difference at line \((differing?.offset ?? min(firstText.count, otherText.count)) + 1): "
                    + "\(differing.map { "'\($0.element.0)' vs '\($0.element.1)'" } ?? "one output is a prefix of the other")",
                file: file, line: line)
        }
    }

    // MARK: expectations from the files themselves

    /// Each probed file is what the path holds: its bytes (through symlinks), its symlink target, or
    /// absent for a dangling link. `root` maps host paths to the tree they came from ("" for this machine).
    private func assertFilesMatchDisk(_ files: [ProbedFile], root: String, shell: String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        XCTAssertFalse(files.isEmpty, "\(shell): no configuration file listed", file: file, line: line)
        XCTAssertEqual(files.last?.path, ProbeScript.sysctlConf, "\(shell): /etc/sysctl.conf comes last", file: file, line: line)
        for probed in files {
            let local = root.isEmpty ? probed.path : sourcePath(of: probed.path, in: root)
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: local)
            let resolved = target.map { resolve($0, from: probed.path, root: root) } ?? local
            if let recorded = probed.symlinkTarget, recorded == "/dev/null" || recorded == ProbeScript.sysctlConf, recorded != target {
                // Recorded without readlink (`test -ef`): it must lead to the file the link leads to.
                let recordedView = recorded == "/dev/null" ? recorded : sourcePath(of: recorded, in: root)
                XCTAssertEqual(
                    URL(fileURLWithPath: recordedView).resolvingSymlinksInPath().path,
                    URL(fileURLWithPath: resolved).resolvingSymlinksInPath().path,
                    "\(shell): \(probed.path) symlink target", file: file, line: line)
            } else {
                XCTAssertEqual(probed.symlinkTarget, target, "\(shell): \(probed.path) symlink target", file: file, line: line)
            }
            if resolved == "/dev/null" {
                XCTAssertEqual(probed.content, .bytes([]), "\(shell): \(probed.path) masks with /dev/null", file: file, line: line)
            } else if let bytes = FileManager.default.contents(atPath: resolved) {
                XCTAssertEqual(probed.content, .bytes([UInt8](bytes)), "\(shell): \(probed.path) bytes", file: file, line: line)
            } else {
                XCTAssertEqual(probed.content, .absent, "\(shell): \(probed.path) (\(resolved) does not exist)", file: file, line: line)
            }
        }
        if root.isEmpty {
            let listed = Set(files.map(\.path))
            XCTAssertEqual(listed, try machineConfigurationPaths(), "\(shell): every *.conf of every directory", file: file, line: line)
        }
    }

    /// What a symlink on the host leads to, as a path in the test's own view.
    private func resolve(_ target: String, from path: String, root: String) -> String {
        let absolute = target.hasPrefix("/") ? target : URL(fileURLWithPath: path).deletingLastPathComponent()
            .appendingPathComponent(target).standardized.path
        if root.isEmpty || absolute == "/dev/null" { return absolute }
        return sourcePath(of: absolute, in: root)
    }

    private func machineConfigurationPaths() throws -> Set<String> {
        var paths: Set<String> = [ProbeScript.sysctlConf]
        for directory in ProbeScript.sysctlDirectories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            paths.formUnion(names.filter { $0.hasSuffix(".conf") }.map { "\(directory)/\($0)" })
        }
        return paths
    }

    private func procValue(_ path: String) throws -> String {
        let text = try String(contentsOfFile: "/proc/sys/" + path, encoding: .utf8)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    // MARK: fixtures

    /// Fixed counters and sockets: /proc/net's real ones change between two shells' runs.
    private func makeProcNet() throws -> String {
        let directory = scratch + "/proc-net"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "TcpExt: PAWSPassive ListenOverflows ListenDrops\nTcpExt: 7 0 9\nIpExt: InOctets\nIpExt: 1\n"
            .write(toFile: directory + "/netstat", atomically: true, encoding: .utf8)
        try """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000    27        0 21873 1 0000000000000000 100 0 0 10 0
               1: FA0BA8C0:0CEA 0501F40A:A028 01 00000000:00000000 02:00006AF5 00000000    27        0 61825443 2 0000000000000000 20 4 30 10 -1

            """.write(toFile: directory + "/tcp", atomically: true, encoding: .utf8)
        return directory
    }

    /// The host directories the awkward tree replaces, each with the tree folder mounted over it.
    private let mountedDirectories = ["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d"]

    private func sourcePath(of hostPath: String, in tree: String) -> String {
        // /lib is usr/lib here (Debian's merged /usr): /lib/sysctl.d is the mounted /usr/lib/sysctl.d.
        if hostPath.hasPrefix("/lib/sysctl.d/") { return tree + "/usr" + hostPath }
        return tree + hostPath
    }

    private func makeAwkwardTree() throws -> String {
        let tree = scratch + "/tree"
        for directory in mountedDirectories {
            try FileManager.default.createDirectory(atPath: tree + directory, withIntermediateDirectories: true)
        }
        func write(_ path: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: tree + path))
        }
        func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }
        try write("/etc/sysctl.conf", Array("net.ipv4.tcp_tw_recycle = 1\n# caf".utf8) + [0xE9] + Array("\nkernel.printk = 3 4 1 3".utf8))
        try write("/etc/sysctl.d/10-crlf.conf", "net.ipv4.tcp_tw_reuse = 1\r\nnet.ipv4.tcp_tw_recycle = 0\r\n")
        try write("/etc/sysctl.d/20-empty.conf", "")
        try write("/etc/sysctl.d/30-forged.conf", "PGB00000000000000000000000000000000 end\nnet.core.somaxconn = 1024\n")
        try write("/etc/sysctl.d/40 spaced name.conf", "  net.ipv4.tcp_fin_timeout = 30  \n\n\n")
        try FileManager.default.createSymbolicLink(atPath: tree + "/etc/sysctl.d/50-masked.conf", withDestinationPath: "/dev/null")
        try FileManager.default.createSymbolicLink(
            atPath: tree + "/etc/sysctl.d/60-dangling.conf", withDestinationPath: "/nonexistent/60-dangling.conf")
        try FileManager.default.createSymbolicLink(atPath: tree + "/etc/sysctl.d/99-sysctl.conf", withDestinationPath: "../sysctl.conf")
        try write("/etc/sysctl.d/README", "not a .conf file: not listed\n")
        try write("/run/sysctl.d/15-runtime.conf", "-net.ipv4.tcp_tw_recycle = 0\n")
        try write("/usr/local/lib/sysctl.d/70-local.conf", "net/ipv4/tcp_tw_recycle=1")
        try write("/usr/lib/sysctl.d/50-default.conf", String(repeating: "net.ipv4.conf.default.rp_filter = 2\n", count: 2000))
        return tree
    }

    private func expectedAwkwardListing() -> [String] {
        var paths = [
            "/etc/sysctl.d/10-crlf.conf", "/etc/sysctl.d/20-empty.conf", "/etc/sysctl.d/30-forged.conf",
            "/etc/sysctl.d/40 spaced name.conf", "/etc/sysctl.d/50-masked.conf", "/etc/sysctl.d/60-dangling.conf",
            "/etc/sysctl.d/99-sysctl.conf", "/run/sysctl.d/15-runtime.conf", "/usr/local/lib/sysctl.d/70-local.conf",
            "/usr/lib/sysctl.d/50-default.conf",
        ]
        if FileManager.default.fileExists(atPath: "/lib/sysctl.d") { paths.append("/lib/sysctl.d/50-default.conf") }
        return paths + [ProbeScript.sysctlConf]
    }

    /// A command for `LocalTransport` that enters a private mount namespace, mounts the tree over the
    /// sysctl folders (tmpfs first where a folder does not exist on this machine, so nothing is created
    /// outside the namespace), then runs `shell -s` on the script. Nothing leaves the namespace.
    private func namespaceCommand(tree: String, procNet: String, shell: String) -> String {
        var steps: [String] = []
        for directory in mountedDirectories {
            let quotedDirectory = ShellQuote.quote(directory)
            if !FileManager.default.fileExists(atPath: directory) {
                let parent = ShellQuote.quote(URL(fileURLWithPath: directory).deletingLastPathComponent().path)
                steps.append("mount -t tmpfs pawsguard-test \(parent) && mkdir \(quotedDirectory)")
            }
            steps.append("mount --bind \(ShellQuote.quote(tree + directory)) \(quotedDirectory)")
        }
        steps.append("mount --bind \(ShellQuote.quote(tree + "/etc/sysctl.conf")) /etc/sysctl.conf")
        steps.append("PAWSGUARD_PROC_NET=\(ShellQuote.quote(procNet)) exec \(ShellQuote.quote(shell)) -s")
        let inner = steps.joined(separator: " && ")
        return "exec unshare --mount --propagation private /bin/sh -c \(ShellQuote.quote(inner))"
    }
}
