import Foundation

/// A long-running child (sshd) started with posix_spawn and reaped with waitpid by its pid.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended from a socket the child
/// inherits; sshd closes inherited descriptors at startup, so Foundation takes that for an exit
/// and blocks its only monitor thread in waitpid(sshd) — after which no other `Process` (such as
/// ssh-keygen) is ever reported finished.
final class DaemonProcess {
    let pid: pid_t
    private var reaped = false

    /// Starts `executable` with `arguments`, stdin from /dev/null, stdout and stderr appended to `logPath`.
    init(executable: String, arguments: [String], logPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv + [nil]
        var childPID: pid_t = 0
        let status = posix_spawn(&childPID, executable, &actions, nil, &cArguments, environ)
        guard status == 0 else {
            throw SSHServerRequirement.Unavailable(
                description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = childPID
    }

    var isRunning: Bool {
        guard !reaped else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            reaped = true
            return false
        }
        return true
    }

    /// SIGTERM, then wait for it to exit.
    func terminate() {
        guard !reaped else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        reaped = true
    }

    deinit {
        terminate()
    }
}
