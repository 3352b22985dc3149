/// Commands that run another command given as their arguments (`sudo sysctl -w ...`,
/// `env X=1 sysctl ...`, `chroot /mnt sysctl ...`): stripped so the real command is analysed.
enum ShellWrappers {
    /// Options of each wrapper that take the next word as their argument.
    private static let optionsWithArgument: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--prompt", "--chdir"],
        "doas": ["-u", "-C"],
        "env": ["-u", "--unset", "-C", "--chdir", "-S", "--split-string"],
        "exec": ["-a"],
        "nice": ["-n", "--adjustment"],
        "ionice": ["-c", "-n", "-p", "--class", "--classdata"],
        "timeout": ["-s", "-k", "--signal", "--kill-after"],
        "chroot": ["--userspec", "--groups"],
        "nsenter": ["-t", "--target", "-S", "-G", "--setuid", "--setgid"],
        "unshare": ["--map-user", "--map-group"],
        "xargs": ["-I", "-i", "-n", "-P", "-d", "-E", "-L", "-s", "-a"],
        "systemd-run": ["-p", "--property", "-u", "--unit", "-M", "--machine", "--uid", "--gid", "--description"],
        "stdbuf": ["-i", "-o", "-e"],
        "runuser": ["-u", "-g", "-G"],
    ]
    /// Wrappers followed by one positional argument before the command (`timeout 5s`, `chroot DIR`).
    private static let positionalBeforeCommand: [String: Int] = ["timeout": 1, "chroot": 1]
    /// Also a Dockerfile's `RUN` (with its `--mount=...` options), whose arguments are a command.
    private static let plainWrappers: Set<String> = ["command", "builtin", "nohup", "setsid", "time", "unbuffer", "busybox", "catchsegv", "RUN"]

    /// The command a wrapper chain runs: `sudo -n env A=1 /sbin/sysctl -w x=1` → `sysctl -w x=1`.
    static func strip(_ words: [ShellWord]) -> [ShellWord] {
        var argv = words[...]
        for _ in 0..<8 {
            guard let first = argv.first else { break }
            let name = ShellScanner.commandName(first.value)
            if name == "ip", argv.count > 3, argv.dropFirst().first?.value == "netns", argv.dropFirst(2).first?.value == "exec" {
                argv = argv.dropFirst(4)
                continue
            }
            guard optionsWithArgument[name] != nil || plainWrappers.contains(name) || name == "runuser" else { break }
            if name == "runuser", argv.contains(where: { $0.value == "-c" || $0.value.hasPrefix("--command") }) { break }
            argv = argv.dropFirst()
            let takesArgument = optionsWithArgument[name] ?? []
            while let option = argv.first?.value, option.hasPrefix("-"), option.count > 1 {
                argv = argv.dropFirst()
                if option == "--" { break }
                if takesArgument.contains(option) { argv = argv.dropFirst() }
            }
            if name == "env" {
                while let word = argv.first, ShellAssignment(word) != nil { argv = argv.dropFirst() }
            }
            argv = argv.dropFirst(positionalBeforeCommand[name] ?? 0)
        }
        return Array(argv)
    }
}
