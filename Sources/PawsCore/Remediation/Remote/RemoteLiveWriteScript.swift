/// The `sh` script that changes one live value through `/proc/sys`, only if the host still has
/// the value the plan was made from, and reads it back. Status: `ok`, `absent` (the kernel has
/// no such key), `changed CURRENT`, `readback VALUE` (the kernel kept another value).
///
/// Values are read with `cat`, not the `read` builtin: dash and busybox read one byte per
/// read(2), and an integer sysctl answers a 1-byte read with its first digit, then EOF.
public enum RemoteLiveWriteScript {
    /// - Parameter expected: the value the key must have now; nil writes whatever is there.
    public static func script(key: SysctlKey, value: String, expected: String?, runID: RunID? = nil) -> String {
        var lines = [
            RemoteShell.statusFunction,
            // Whitespace-normalized form: vector values (tcp_rmem) read back with tabs.
            #"n() { set -f; set -- $1; printf '%s' "$*"; }"#,
            "p=\(ShellQuote.quote(key.procPath))",
            "v=\(ShellQuote.quote(value))",
            #"if [ ! -e "$p" ]; then st absent; exit 3; fi"#,
            #"cur=$(cat -- "$p" 2>/dev/null) || { st error cannot read "$p"; exit 1; }"#,
        ]
        if let expected {
            lines.append("if [ \"$(n \"$cur\")\" != \(ShellQuote.quote(SysctlValue.normalized(expected))) ]; then st changed \"$cur\"; exit 3; fi")
        }
        lines += [
            #"printf '%s\n' "$v" > "$p" || { st error cannot write "$p"; exit 1; }"#,
            #"now=$(cat -- "$p" 2>/dev/null)"#,
            #"if [ "$(n "$now")" != "$(n "$v")" ]; then st readback "$now"; exit 3; fi"#,
        ]
        if let runID {
            lines.append("k=\(ShellQuote.quote(key.dotted))")
            lines.append("if command -v logger >/dev/null 2>&1; then logger -t pawsguard \"run \(runID): set $k=$v (was $cur)\" 2>/dev/null; fi")
        }
        lines += [
            "st ok",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Prints the live value of `key` as `pawsguard-status value VALUE` or `pawsguard-status absent`.
    public static func readScript(key: SysctlKey) -> String {
        [
            RemoteShell.statusFunction,
            "p=\(ShellQuote.quote(key.procPath))",
            #"if [ ! -e "$p" ]; then st absent; exit 0; fi"#,
            #"cur=$(cat -- "$p" 2>/dev/null) || { st error cannot read "$p"; exit 1; }"#,
            #"st value "$cur""#,
        ].joined(separator: "\n") + "\n"
    }
}
