/// Builds the one POSIX `sh` script that a probe runs on a host.
///
/// The script needs no root and no tools beyond `cat`, `readlink` and (for sampling) `sleep`;
/// it runs on dash, bash and busybox ash. Every section it prints starts with a header line
/// `<boundary> <kind> [<index>]`; a section's bytes follow, with one extra `\n` appended so the
/// parser can find the next header even when a file has no trailing newline. Because the
/// boundary is random per run, a file on the host cannot contain a forged header.
///
/// Values that vary (paths, keys) are single-quoted with `ShellQuote`; keys are also validated
/// by `ProbeScript.validate(key:)` before they get here.
public enum ProbeScript {
    public static let formatVersion = 1

    /// Directories both appliers scan, in procps's order (`sysctl --system`, procps-ng 4).
    public static let sysctlDirectories = [
        "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d",
    ]

    public static let sysctlConf = "/etc/sysctl.conf"

    /// The `/proc/sys` path of a dotted key: `net.ipv4.tcp_tw_recycle` → `/proc/sys/net/ipv4/tcp_tw_recycle`.
    public static func procPath(ofKey key: String) -> String {
        "/proc/sys/" + key.split(separator: ".", omittingEmptySubsequences: false).joined(separator: "/")
    }

    /// A key a probe may read: letters, digits, `_`, `-` and `.` separators, no empty component.
    public static func validate(key: String) -> Bool {
        guard !key.isEmpty, key.count <= 256 else { return false }
        let components = key.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2 else { return false }
        return components.allSatisfy { component in
            !component.isEmpty && component.unicodeScalars.allSatisfy { scalar in
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                    || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
            }
        }
    }

    public static func make(_ request: ProbeRequest) -> String {
        let boundary = ShellQuote.quote(request.boundary)
        var lines: [String] = []
        lines.append("B=\(boundary)")
        // /proc/net is per process and cannot be mounted over; test fleets point the probe at
        // fake counters through sshd's SetEnv instead.
        lines.append("N=${PAWSGUARD_PROC_NET:-/proc/net}")
        lines.append(#"h() { printf '%s %s\n' "$B" "$*"; }"#)
        lines.append(#"nl() { printf '\n'; }"#)
        // /proc/sys values are read with `cat`, not the `read` builtin: dash and busybox `read` one
        // byte per read(2), and an integer sysctl (proc_dointvec) answers a 1-byte read with its
        // first digit and then EOF, so somaxconn=4096 would come back as "4".
        lines.append(#"one() { if [ ! -e "$2" ]; then h "$1-absent" "$3"; elif [ ! -r "$2" ]; then h "$1-unreadable" "$3"; else v=$(cat -- "$2" 2>/dev/null); h "$1" "$3"; printf '%s\n' "$v"; fi; }"#)
        lines.append(#"blob() { if [ ! -e "$2" ]; then h "$1-absent"; nl; elif [ ! -r "$2" ]; then h "$1-unreadable"; nl; else h "$1"; cat -- "$2" 2>/dev/null; nl; fi; }"#)
        lines.append(#"cf() { h path; printf '%s\n' "$1"; if [ -h "$1" ]; then h link; readlink -- "$1" 2>/dev/null; nl; fi; if [ ! -e "$1" ]; then h file-absent; nl; elif [ ! -r "$1" ]; then h file-unreadable; nl; else h file; cat -- "$1" 2>/dev/null; nl; fi; }"#)
        lines.append("h probe \(formatVersion)")
        lines.append("one release /proc/sys/kernel/osrelease")
        lines.append("one hostname /proc/sys/kernel/hostname")
        lines.append("blob os-release /etc/os-release")
        for (index, key) in request.keys.enumerated() where validate(key: key) {
            lines.append("one live \(ShellQuote.quote(procPath(ofKey: key))) \(index)")
        }
        lines.append("blob netstat \"$N/netstat\"")
        if let interval = request.sampleIntervalSeconds, interval > 0 {
            lines.append("sleep \(interval)")
            lines.append("blob netstat \"$N/netstat\"")
        }
        lines.append("blob tcp \"$N/tcp\"")
        lines.append("blob tcp6 \"$N/tcp6\"")
        let directories = sysctlDirectories.map(ShellQuote.quote).joined(separator: " ")
        lines.append(#"for d in \#(directories); do for f in "$d"/*.conf; do if [ -e "$f" ] || [ -h "$f" ]; then cf "$f"; fi; done; done"#)
        lines.append("cf \(ShellQuote.quote(sysctlConf))")
        lines.append("h end")
        return lines.joined(separator: "\n") + "\n"
    }
}
