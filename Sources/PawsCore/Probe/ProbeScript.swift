/// Builds the one POSIX `sh` script that a probe runs on a host.
///
/// The script needs no root and no tools beyond `cat`, `readlink` (for unusual symlinks) and
/// (for sampling) `sleep`;
/// it runs on dash, bash and busybox ash. Every section it prints starts with a header line
/// `<boundary> <kind> [<index>]`; a section's bytes follow, with one extra `\n` appended so the
/// parser can find the next header even when a file has no trailing newline. Because the
/// boundary is random per run, a file on the host cannot contain a forged header.
///
/// Every process the script starts costs the host about as much CPU as a small part of sshd's own
/// work per connection (fork, exec, dynamic linking), so the script starts as few as it can:
/// the kernel release, the hostname and os-release (small regular text files) are read with the
/// `read` builtin, and the files whose bytes must arrive whole (live sysctl values, sysctl files,
/// `/proc/net` tables) go through one `cat` for up to eight files at a time. Text between two files (headers, paths, values) is collected in the
/// variable `T` and handed to that `cat` as here-documents on its stdin and fds 3-9 (POSIX sh
/// redirects single-digit fds only), read through `/proc/self/fd/N` in argument order, so the output is byte for byte what one `printf` and one
/// `cat` per file would print. A symlink's target is recorded as an absolute path when it leads
/// to `/dev/null` or `/etc/sysctl.conf` (`test -ef`, no process: the two targets links in these
/// directories have in practice); any other target costs one `readlink` (`$(...)` drops
/// trailing newlines of the target; targets do not end in newlines). bash before 5.1 keeps
/// here-documents in temporary files: where it cannot create one (a full or read-only `/tmp`),
/// the script notices up front and falls back to printing text and running one `cat` per file.
/// `sleep` (sampling) first hands pending files to `cat`, so the first sample is read before it.
///
/// Values that vary (paths, keys) are single-quoted with `ShellQuote`; keys are also validated
/// by `ProbeScript.validate(key:)` before they get here. File names found on the host only ever
/// travel in variables (`F1`...`F8`, `P1`...`P8`, `T`), never in the text that `eval` parses.
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
        // The C locale: `cat` then skips loading locale data (0.1-0.2 ms per process with a UTF-8
        // LANG from PAM), and bash globs in byte order, as both appliers sort.
        lines.append("LC_ALL=C; export LC_ALL")
        // /proc/net is per process and cannot be mounted over; test fleets point the probe at
        // fake counters through sshd's SetEnv instead.
        lines.append("N=${PAWSGUARD_PROC_NET:-/proc/net}")
        lines.append("NL='\n'")
        lines.append("T= k=0 H=0")
        // Here-documents work (bash < 5.1 needs a temporary file for each): batch files into one cat.
        lines.append("if true 2>/dev/null 3<<'E'\nx\nE\nthen H=1; fi")
        lines.append(#"a() { T=$T$1; }"#)
        lines.append(#"h() { a "$B $*$NL"; }"#)
        // fb FILE: FILE's bytes follow the text collected so far.
        lines.append(#"fb() { if [ $H = 1 ]; then k=$((k+1)); eval "P$k=\${T%\"\$NL\"} F$k=\$1"; T=; [ $k -lt 8 ] || fl; else printf '%s' "$T"; T=; cat -- "$1" 2>/dev/null; fi; }"#)
        // fl: one cat for the pending files, each after its text, the texts on cat's stdin and
        // fds 3-9 (a here-document adds back the newline that fb took off the text's end).
        lines.append(#"fl() { [ $k -gt 0 ] || return 0; c=; r=; e=; i=1; while [ $i -le $k ]; do n=$((i+1)); [ $i = 1 ] && n=0; c="$c /proc/self/fd/$n \"\$F$i\""; r="$r $n<<E$i"; e="$e\$P$i${NL}E$i$NL"; i=$((i+1)); done; eval "cat --$c 2>/dev/null$r$NL$e"; k=0; }"#)
        // One-line /proc strings (release, hostname) are read with the `read` builtin: no process.
        lines.append(#"one() { if [ ! -e "$2" ]; then h "$1-absent" "$3"; elif [ ! -r "$2" ]; then h "$1-unreadable" "$3"; else v=; IFS= read -r v 2>/dev/null < "$2"; h "$1" "$3"; a "$v$NL"; fi; }"#)
        // Live sysctl values go through the batched `cat` instead: dash and busybox `read` one byte
        // per read(2), and an integer sysctl answers a 1-byte read with its first digit and then
        // EOF (somaxconn=4096 would arrive as "4"). The section holds the file's bytes.
        lines.append(#"lv() { if [ ! -e "$1" ]; then h live-absent "$2"; elif [ ! -r "$1" ]; then h live-unreadable "$2"; else h live "$2"; fb "$1"; a "$NL"; fi; }"#)
        // rd FILE: a small regular file line by line with `read` (exact but for NUL bytes, which
        // os-release never holds), so it takes no place in a cat batch.
        lines.append(#"rd() { l=; while IFS= read -r l; do a "$l$NL"; done < "$1"; a "$l"; }"#)
        lines.append(#"tb() { if [ ! -e "$2" ]; then h "$1-absent"; elif [ ! -r "$2" ]; then h "$1-unreadable"; else h "$1"; rd "$2" 2>/dev/null; fi; a "$NL"; }"#)
        lines.append(#"blob() { if [ ! -e "$2" ]; then h "$1-absent"; elif [ ! -r "$2" ]; then h "$1-unreadable"; else h "$1"; fb "$2"; fi; a "$NL"; }"#)
        // A symlink to /dev/null (a mask) or to /etc/sysctl.conf (Debian's 99-sysctl.conf) is told
        // apart with `test -ef` (same device and inode, chains followed), which needs no process;
        // any other target costs a `readlink`. A test without -ef fails and falls back to it too.
        let conf = ShellQuote.quote(sysctlConf)
        lines.append(#"cf() { h path; a "$1$NL"; if [ -h "$1" ]; then h link; if [ "$1" -ef /dev/null ] 2>/dev/null; then t=/dev/null; elif [ "$1" != \#(conf) ] && [ "$1" -ef \#(conf) ] 2>/dev/null; then t=\#(conf); else t=$(readlink -- "$1" 2>/dev/null); fi; a "$t$NL$NL"; fi; if [ ! -e "$1" ]; then h file-absent; elif [ ! -r "$1" ]; then h file-unreadable; else h file; fb "$1"; fi; a "$NL"; }"#)
        lines.append("h probe \(formatVersion)")
        lines.append("one release /proc/sys/kernel/osrelease")
        lines.append("one hostname /proc/sys/kernel/hostname")
        lines.append("tb os-release /etc/os-release")
        for (index, key) in request.keys.enumerated() where validate(key: key) {
            lines.append("lv \(ShellQuote.quote(procPath(ofKey: key))) \(index)")
        }
        lines.append("blob netstat \"$N/netstat\"")
        if let interval = request.sampleIntervalSeconds, interval > 0 {
            lines.append("fl")
            lines.append("sleep \(interval)")
            lines.append("blob netstat \"$N/netstat\"")
        }
        if request.readsSocketTables {
            lines.append("blob tcp \"$N/tcp\"")
            lines.append("blob tcp6 \"$N/tcp6\"")
        }
        let directories = sysctlDirectories.map(ShellQuote.quote).joined(separator: " ")
        lines.append(#"for d in \#(directories); do for f in "$d"/*.conf; do if [ -e "$f" ] || [ -h "$f" ]; then cf "$f"; fi; done; done"#)
        lines.append("cf \(ShellQuote.quote(sysctlConf))")
        lines.append("h end")
        lines.append("fl")
        lines.append(#"printf '%s' "$T""#)
        return lines.joined(separator: "\n") + "\n"
    }
}
