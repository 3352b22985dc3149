import Foundation
import PawsSSH
import XCTest

/// A real OpenSSH server on 127.0.0.1 with its own host key, client key and authorized_keys in a
/// temporary directory. Started with `/usr/sbin/sshd -D -e -f <config>` as a child process and
/// killed by pid when stopped or deinitialised. Needs root; see `SSHServerRequirement`.
final class LoopbackSSHServer {
    let directory: String
    let port: Int
    let address = "127.0.0.1"
    /// An ed25519 key listed in authorized_keys.
    let clientKeyPath: String
    /// The known_hosts file tests hand to PawsSSH (empty until a test writes it).
    let knownHostsPath: String
    private(set) var hostKeyPath: String
    private var process: DaemonProcess?
    private var generation = 0
    private let extraConfig: String

    /// Starts sshd with a fresh host key of `hostKeyType` (`ed25519`, `ecdsa`, `rsa`);
    /// `extraConfig` lines are appended to its sshd_config.
    init(hostKeyType: String = "ed25519", extraConfig: String = "") throws {
        try SSHServerRequirement.check()
        self.extraConfig = extraConfig
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pawsssh-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = try LoopbackSocket.freePort()
        knownHostsPath = directory + "/known_hosts"
        clientKeyPath = directory + "/client_ed25519"
        hostKeyPath = directory + "/host_key_0"
        try Self.generateKey(at: hostKeyPath, type: hostKeyType)
        try Self.generateKey(at: clientKeyPath, type: "ed25519")
        try authorize(publicKeyPath: clientKeyPath + ".pub")
        try start()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Options that reach this server as root with the client key, checking against
    /// `knownHostsPath`, with no agent, no ssh config and no default identities, so nothing
    /// from the machine running the tests leaks in.
    func options(
        policy: HostKeyPolicy = .strict, identityFiles: [String]? = nil, connectTimeout: Duration = .seconds(5)
    ) -> SSHConnectionOptions {
        SSHConnectionOptions(
            host: address, port: port, user: "root", identityFiles: identityFiles ?? [clientKeyPath],
            knownHostsPath: knownHostsPath, globalKnownHostsPath: "/dev/null", hostKeyPolicy: policy,
            connectTimeout: connectTimeout, commandTimeout: .seconds(20), useAgent: false,
            useConfiguredIdentities: false, readsSSHConfig: false)
    }

    /// The known_hosts line for the current host key, as `ssh-keyscan` would print it.
    func knownHostsLine() throws -> String {
        let publicKey = try String(contentsOfFile: hostKeyPath + ".pub", encoding: .utf8)
        let fields = publicKey.split(separator: " ")
        guard fields.count >= 2 else { throw SSHServerRequirement.Unavailable(description: "bad public key file") }
        return "[\(address)]:\(port) \(fields[0]) \(fields[1])"
    }

    /// Records the current host key in `knownHostsPath`, replacing what was there.
    func trustCurrentHostKey() throws {
        try (knownHostsLine() + "\n").write(toFile: knownHostsPath, atomically: true, encoding: .utf8)
    }

    /// `SHA256:...` of the current host key, from `ssh-keygen -lf`.
    func hostKeyFingerprint() throws -> String {
        let output = try ExternalTool.run(SSHServerRequirement.sshKeygenPath, ["-lf", hostKeyPath + ".pub"])
        return output.split(separator: " ").dropFirst().first.map(String.init) ?? ""
    }

    /// Restarts sshd on the same port with a newly generated host key.
    func restartWithNewHostKey(type: String = "ed25519") throws {
        stop()
        generation += 1
        hostKeyPath = directory + "/host_key_\(generation)"
        try Self.generateKey(at: hostKeyPath, type: type)
        try start()
    }

    /// Generates a key pair in the server's directory and returns the private key path.
    func makeClientKey(named name: String, type: String = "ed25519", passphrase: String = "") throws -> String {
        let path = directory + "/" + name
        try Self.generateKey(at: path, type: type, passphrase: passphrase)
        return path
    }

    func authorize(publicKeyPath: String) throws {
        let key = try String(contentsOfFile: publicKeyPath, encoding: .utf8)
        let authorizedKeys = directory + "/authorized_keys"
        let existing = (try? String(contentsOfFile: authorizedKeys, encoding: .utf8)) ?? ""
        try (existing + key).write(toFile: authorizedKeys, atomically: true, encoding: .utf8)
    }

    /// Stops (SIGSTOP) or resumes (SIGCONT) every sshd process serving a connection, leaving the
    /// listener alone: the server then stalls mid-session like an overloaded or frozen host.
    func signalConnectionProcesses(_ signal: Int32) {
        guard let process else { return }
        for pid in Self.descendants(of: process.pid) {
            kill(pid, signal)
        }
    }

    private static func descendants(of pid: pid_t) -> [pid_t] {
        let childrenFile = "/proc/\(pid)/task/\(pid)/children"
        let children = ((try? String(contentsOfFile: childrenFile, encoding: .utf8)) ?? "")
            .split(separator: " ").compactMap { pid_t($0) }
        return children + children.flatMap { descendants(of: $0) }
    }

    func stop() {
        process?.terminate()
        process = nil
    }

    private func start() throws {
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        let configPath = directory + "/sshd_config"
        try sshdConfig().write(toFile: configPath, atomically: true, encoding: .utf8)
        let logPath = directory + "/sshd.log"
        let process = try DaemonProcess(
            executable: SSHServerRequirement.sshdPath, arguments: ["-D", "-e", "-f", configPath], logPath: logPath)
        self.process = process

        let startedBy = Date().addingTimeInterval(5)
        while Date() < startedBy {
            if LoopbackSocket.accepts(port: port) { return }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        stop()
        throw SSHServerRequirement.Unavailable(description: "sshd did not start on port \(port): \(log)")
    }

    private func sshdConfig() -> String {
        """
        ListenAddress \(address):\(port)
        HostKey \(hostKeyPath)
        PidFile \(directory)/sshd.pid
        AuthorizedKeysFile \(directory)/authorized_keys
        StrictModes no
        PermitRootLogin prohibit-password
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        AllowTcpForwarding yes
        MaxStartups 200
        MaxSessions 20
        SetEnv SHLVL=1
        LogLevel ERROR
        \(extraConfig)

        """
    }

    static func generateKey(at path: String, type: String, passphrase: String = "") throws {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".pub")
        try ExternalTool.run(
            SSHServerRequirement.sshKeygenPath, ["-q", "-t", type, "-N", passphrase, "-C", "pawsssh-test", "-f", path])
    }
}
