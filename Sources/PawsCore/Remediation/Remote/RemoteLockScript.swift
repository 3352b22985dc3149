/// The per-host lock that keeps two applies (or an apply and a rollback) from changing the same
/// host at once: an atomic `mkdir` of `/run/pawsguard.lock` holding the run id and who took it.
/// `/run` is cleared at boot, so a lock never outlives the host's uptime; a run killed mid-way
/// leaves its lock, which only that run's rollback may take over.
public enum RemoteLockScript {
    public static let lockDirectory = "/run/pawsguard.lock"

    /// Takes the lock for `owner`, or re-enters it when `owner` or one of `takeOverFrom` holds it.
    /// Status: `ok`, or `locked RUN-ID DETAILS`.
    public static func acquire(owner: RunID, takeOverFrom: [RunID] = [], details: String) -> String {
        let accepted = ([owner] + takeOverFrom).map { "\"$cur\" = \(ShellQuote.quote($0.value))" }.joined(separator: " ] || [ ")
        return [
            RemoteShell.statusFunction,
            "L=\(ShellQuote.quote(lockDirectory))",
            "id=\(ShellQuote.quote(owner.value))",
            "d=\(ShellQuote.quote(details))",
            #"if mkdir -m 700 -- "$L" 2>/dev/null; then printf '%s\n' "$id" > "$L/run" && printf '%s\n' "$d" > "$L/owner" && { st ok; exit 0; }; st error cannot write "$L/run"; exit 1; fi"#,
            #"cur=; IFS= read -r cur < "$L/run" 2>/dev/null"#,
            "if [ \(accepted) ]; then printf '%s\\n' \"$id\" > \"$L/run\" && printf '%s\\n' \"$d\" > \"$L/owner\"; st ok; exit 0; fi",
            #"o=; IFS= read -r o < "$L/owner" 2>/dev/null"#,
            #"st locked "${cur:-unknown}" "$o"; exit 3"#,
        ].joined(separator: "\n") + "\n"
    }

    /// Releases the lock if `owner` holds it. Status: `ok`.
    public static func release(owner: RunID) -> String {
        [
            RemoteShell.statusFunction,
            "L=\(ShellQuote.quote(lockDirectory))",
            "id=\(ShellQuote.quote(owner.value))",
            #"cur=; IFS= read -r cur < "$L/run" 2>/dev/null"#,
            #"if [ "$cur" = "$id" ]; then rm -f -- "$L/run" "$L/owner"; rmdir -- "$L" 2>/dev/null; fi"#,
            "st ok",
        ].joined(separator: "\n") + "\n"
    }
}
