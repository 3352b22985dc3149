import Foundation
import PawsCore
import XCTest

/// Issue 8, point 5: a key passphrase given with `--passphrase-file` never shows anywhere pawsguard
/// leaves text: its stdout and stderr, reports in every format, run journals, `runs` and `rollback`
/// output, the host's syslog lines (`logger`, captured by a stand-in on the host), anything written on
/// the host, and the command lines and environments of pawsguard and of the commands it runs remotely
/// (read from /proc while an audit sleeps between samples and while an apply is paused after an intent).
/// pawsguard takes no sudo password at all (`sudo -n` only), so there is none to leak.
final class SecretsTests: XCTestCase {
    private static let shared = SharedFaultFleet(scenario: "faults-secrets")
    private let host = "vault"

    override class func tearDown() {
        shared.stop()
        super.tearDown()
    }

    func testAKeyPassphraseAppearsInNoOutputReportJournalHostLogOrProcessArgument() throws {
        let fleet = try Self.shared.fleet()
        let test = try fleet.newCase()
        let secrets = try SecretKey(fleet: fleet, directory: test.directory)
        try installLoggerCapture(on: fleet)
        var entry = try test.direct(host)
        entry.keyFile = secrets.keyPath
        try test.use([entry])
        let before = try fleet.states([host])
        var collected: [(String, String)] = []
        func keep(_ what: String, _ result: (status: Int32, stdout: String, stderr: String)) {
            collected.append(("\(what) stdout", result.stdout))
            collected.append(("\(what) stderr", result.stderr))
        }
        let passphraseArguments = ["--passphrase-file", secrets.passphrasePath]

        // Without the passphrase the key is refused; with it, everything works.
        let refused = test.pawsguard(["facts"] + test.connectionArguments)
        XCTAssertContains(refused.stdout + refused.stderr, "needs ssh-agent or a passphrase file")
        keep("facts without passphrase", refused)
        let facts = test.pawsguard(["facts"] + test.connectionArguments + passphraseArguments)
        XCTAssertEqual(facts.status, 0, facts.stdout + facts.stderr)
        keep("facts", facts)

        let wrong = test.pawsguard(["facts"] + test.connectionArguments + ["--passphrase-file", secrets.wrongPassphrasePath])
        XCTAssertContains(wrong.stdout + wrong.stderr, "does not decrypt")
        keep("facts with the wrong passphrase", wrong)

        // Every report format of an audit and of an apply, to files.
        let audit = test.pawsguard(["audit"] + test.connectionArguments + passphraseArguments + reportArguments(test, "audit"))
        XCTAssertEqual(audit.status, 1, audit.stderr)
        keep("audit", audit)
        let dryRun = test.pawsguard(["apply"] + test.connectionArguments + passphraseArguments + ["--dry-run"] + reportArguments(test, "dry-run"))
        XCTAssertEqual(dryRun.status, 0, dryRun.stderr)
        keep("apply --dry-run", dryRun)

        // Process arguments and environments while an audit sleeps between its two samples on the host.
        let sampling = try RunningPawsguard(
            arguments: ["audit"] + test.connectionArguments + passphraseArguments + ["--sample-interval", "3", "--format", "json"],
            environment: test.environment)
        let remoteProbe = try waitForRemoteCommand(containing: "sleep 3", on: fleet)
        collected += processSnapshot(pawsguard: sampling.process.processIdentifier, label: "during the sampling audit")
        let sampled = sampling.wait()
        XCTAssertEqual(sampled.status, 1, sampled.stderr)
        keep("sampling audit", sampled)

        // ...and while an apply is paused after an intent, its remote commands running before and after.
        let running = try RunningPawsguard(
            arguments: ["apply"] + test.connectionArguments + passphraseArguments
                + ["--yes", "--backup-dir", FaultCase.backupDirectory] + reportArguments(test, "apply"),
            environment: test.environment.merging(["PAWSGUARD_TEST_PAUSE_AFTER_INTENT": "1.5"]) { $1 })
        _ = try test.waitForJournal("\"fileIntent\"")
        collected += processSnapshot(pawsguard: running.process.processIdentifier, label: "during the paused apply")
        let applied = running.wait()
        XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
        keep("apply", applied)
        let runID = try XCTUnwrap(test.runIDs().last)

        keep("runs", test.pawsguard(["runs"]))
        keep("runs RUN-ID", test.pawsguard(["runs", runID]))
        let rollbackArguments = ["rollback", runID, "--known-hosts", test.knownHostsPath, "--no-agent", "--no-ssh-config"] + passphraseArguments
        keep("rollback --dry-run", test.pawsguard(rollbackArguments + ["--dry-run"]))
        let rollback = test.pawsguard(rollbackArguments)
        XCTAssertEqual(rollback.status, 0, rollback.stdout + rollback.stderr)
        keep("rollback", rollback)
        try fleet.assertRestored(before)

        // Every file of this test's workspace: reports, journals, the key files aside.
        for path in try files(under: test.directory) where ![secrets.passphrasePath, secrets.wrongPassphrasePath].contains(path) {
            collected.append((path, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)))
        }
        // Everything written on the host (its overlays hold every byte the host wrote) and its sshd log.
        let hostDirectory = "\(fleet.fleet.stateDirectory)/hosts/\(host)"
        for path in try files(under: hostDirectory + "/overlay") + [hostDirectory + "/sshd.log"] {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            collected.append(("host: " + path, String(decoding: data, as: UTF8.self)))
        }
        let syslog = String(decoding: try fleet.read(LoggerCapture.capturePath, on: host), as: UTF8.self)
        XCTAssertContains(syslog, "pawsguard", "run \(runID): wrote /etc/sysctl.conf", "set net.ipv4.tcp_tw_recycle=0")

        XCTAssertTrue(remoteProbe.contains("sleep 3"), "the process snapshot saw the remote probe: \(remoteProbe)")
        XCTAssertGreaterThan(collected.count, 40)
        for secret in [secrets.passphrase, secrets.wrongPassphrase, Data(secrets.passphrase.utf8).base64EncodedString()] {
            let leaks = collected.filter { $0.1.contains(secret) }.map(\.0)
            XCTAssertEqual(leaks, [], "the secret \(secret.prefix(6))… leaked into these")
        }
    }

    /// `--format F -o PREFIX.F` for every report format.
    private func reportArguments(_ test: FaultCase, _ prefix: String) -> [String] {
        ReportFormat.allCases.flatMap { ["--format", $0.rawValue, "-o", "\(test.directory)/\(prefix).\($0.rawValue)"] }
    }

    /// A stand-in `logger` early in the host's PATH that appends its arguments to a file, so the test
    /// reads exactly the lines pawsguard sends to the host's syslog.
    private func installLoggerCapture(on fleet: FaultFleet) throws {
        let path = fleet.fleet.rootPath(of: try fleet.host(host)) + "/usr/local/bin/logger"
        try Data(LoggerCapture.script.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0o755), 0)
    }

    /// Waits for a process on the machine whose command line contains `needle`, and returns that line.
    private func waitForRemoteCommand(containing needle: String, on fleet: FaultFleet) throws -> String {
        let deadline = Date().addingTimeInterval(30)
        let hostProcesses = { Set(HostProcesses.pids(of: try fleet.host(self.host))) }
        while Date() < deadline {
            let pids = try hostProcesses()
            if let line = HostProcesses.commandLines().first(where: { pids.contains($0.key) && $0.value.contains(needle) })?.value {
                return line
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw FaultTestError.timedOut("no process on \(host) ran \(needle)")
    }

    /// Every command line on the machine (the host's sessions included) and pawsguard's environment.
    private func processSnapshot(pawsguard pid: Int32, label: String) -> [(String, String)] {
        HostProcesses.commandLines().map { ("cmdline of pid \($0.key) \(label)", $0.value) }
            + [("environment of pawsguard \(label)", HostProcesses.environment(of: pid))]
    }

    private func files(under directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        return enumerator.compactMap { $0 as? String }.map { directory + "/" + $0 }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}

/// An ed25519 client key encrypted with a random passphrase, authorized on every host of the fleet,
/// and a passphrase file for it (plus a wrong one).
struct SecretKey {
    let keyPath: String
    let passphrase: String
    let passphrasePath: String
    let wrongPassphrase: String
    let wrongPassphrasePath: String

    init(fleet: FaultFleet, directory: String) throws {
        keyPath = directory + "/encrypted_key"
        passphrase = "paws-secret-" + UUID().uuidString
        wrongPassphrase = "paws-wrong-" + UUID().uuidString
        passphrasePath = directory + "/passphrase"
        wrongPassphrasePath = directory + "/wrong-passphrase"
        let generated = try ProcessRunner.run("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", "secrets test", "-f", keyPath])
        guard generated.succeeded else { throw FaultTestError.fleet("ssh-keygen: \(generated.stderr)") }
        try Data((passphrase + "\n").utf8).write(to: URL(fileURLWithPath: passphrasePath))
        try Data((wrongPassphrase + "\n").utf8).write(to: URL(fileURLWithPath: wrongPassphrasePath))
        let authorized = try FileHandle(forWritingTo: URL(fileURLWithPath: fleet.fleet.stateDirectory + "/authorized_keys"))
        defer { try? authorized.close() }
        try authorized.seekToEnd()
        try authorized.write(contentsOf: try Data(contentsOf: URL(fileURLWithPath: keyPath + ".pub")))
    }
}

enum LoggerCapture {
    static let capturePath = "/run/pawsguard-logger-capture"
    static let script = "#!/bin/sh\n# Test stand-in for logger(1): keeps its arguments.\nprintf '%s\\n' \"$*\" >> \(capturePath)\n"
}
