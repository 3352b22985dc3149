import Foundation

/// Runs a process to its end and reports its peak resident memory, from the kernel's own accounting
/// (`wait4`'s `ru_maxrss`): exact, and it needs no `/usr/bin/time`. Foundation's `Process` reaps its
/// children itself and keeps their rusage, so this spawns with `posix_spawn` and waits with `wait4`.
enum MeasuredProcess {
    struct Outcome {
        var status: Int32
        /// Peak resident set size of the process, in KiB.
        var maxResidentKiB: Int
        /// User plus system CPU time of the process.
        var cpuSeconds: Double
        var seconds: Double
        var timedOut: Bool
    }

    /// Runs `executable` with `arguments`, stdin from /dev/null, stdout and stderr into the given files,
    /// with `environment` added to this process's. Killed (SIGKILL) after `timeout` seconds.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        stdoutPath: String, stderrPath: String, timeout: TimeInterval
    ) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw FaultTestError.fleet("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        // ru_maxrss is not the binary's own peak: posix_spawn shares the test process's memory until
        // exec, and exec records that memory's high-water mark (hundreds of MiB late in a full suite).
        // VmHWM in /proc/<pid>/status belongs to the binary's own address space; sample it until exit.
        var peakKiB = 0
        while true {
            if let hwm = Self.highWaterMarkKiB(pid) { peakKiB = max(peakKiB, hwm) }
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw FaultTestError.fleet("wait4(\(pid)): errno \(errno)") }
            if !timedOut && Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(
            status: exitStatus, maxResidentKiB: peakKiB, cpuSeconds: cpu, seconds: Date().timeIntervalSince(started),
            timedOut: timedOut)
    }

    /// `VmHWM` of a running process, in KiB.
    private static func highWaterMarkKiB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first
    }
}
