/// The `sh` script that replaces one file on a host, safely:
///
/// 1. refuses a symlink or non-regular file at the path (plans write to the real path);
/// 2. checks the current content's SHA-256 against the one the plan was made from, so a file
///    changed since the probe is left alone (status `changed HASH`);
/// 3. copies the current file to the backup path (`cp -p`: mode, owner and times kept);
/// 4. writes the new content, read from **stdin** (never from the command line), to a temporary
///    file in the same directory, checks its hash (a cut connection cannot leave half a file),
///    gives it the original's owner, mode and SELinux context, fsyncs it, and renames it over the
///    original; then fsyncs the directory.
///
/// Then it leaves a line in the host's syslog (`logger -t pawsguard`) when it can.
///
/// All paths are absolute (plans only hold normalized real paths); every value is quoted.
public struct RemoteFileWriteScript: Sendable, Hashable {
    public var path: String
    /// The hash the file must have now; nil writes whatever is there (`rollback --force`).
    public var expectedCurrentHash: String?
    public var newHash: String
    public var attributes: FileAttributes?
    /// Where the current content is copied first; nil for no copy.
    public var backupPath: String?
    public var runID: RunID

    public init(path: String, expectedCurrentHash: String?, newHash: String, attributes: FileAttributes?, backupPath: String?, runID: RunID) {
        self.path = path
        self.expectedCurrentHash = expectedCurrentHash
        self.newHash = newHash
        self.attributes = attributes
        self.backupPath = backupPath
        self.runID = runID
    }

    /// `/dir/.name.pawsguard-RUN.tmp`: hidden and without `.conf`, so no applier reads it.
    public var temporaryPath: String {
        let directory = RemotePath.directory(of: path)
        return (directory == "/" ? "" : directory) + "/." + RemotePath.basename(of: path) + ".pawsguard-" + runID.value + ".tmp"
    }

    public var script: String {
        var lines = [
            RemoteShell.statusFunction,
            RemoteShell.hashFunction,
            "f=\(ShellQuote.quote(path))",
            "t=\(ShellQuote.quote(temporaryPath))",
            "new=\(ShellQuote.quote(newHash))",
            #"if [ -h "$f" ]; then st not-regular symlink; exit 3; fi"#,
            #"if [ -e "$f" ] && [ ! -f "$f" ]; then st not-regular; exit 3; fi"#,
        ]
        if let expectedCurrentHash {
            lines += [
                "want=\(ShellQuote.quote(expectedCurrentHash))",
                #"if [ ! -f "$f" ]; then st changed absent; exit 3; fi"#,
                #"cur=$(hash "$f"); if [ -z "$cur" ]; then st error cannot read "$f"; exit 1; fi"#,
                #"if [ "$cur" != "$want" ]; then st changed "$cur"; exit 3; fi"#,
            ]
        }
        if let backupPath {
            lines += [
                "b=\(ShellQuote.quote(backupPath))",
                #"if [ -f "$f" ]; then"#,
                #"  (umask 077; mkdir -p "${b%/*}") || { st error cannot create the backup folder "${b%/*}"; exit 1; }"#,
                #"  cp -p "$f" "$b" || { st error cannot copy "$f" to "$b"; exit 1; }"#,
                "fi",
            ]
        }
        lines += [
            // A cut connection ends the shell with SIGPIPE or SIGHUP as often as with an exit, and an
            // EXIT trap does not run then: without the signal traps a partial temporary file stays.
            #"trap 'rm -f "$t"' EXIT"#,
            #"trap 'rm -f "$t"; exit 1' HUP INT PIPE TERM"#,
            #"(umask 077; cat > "$t") || { st error cannot write "$t"; exit 1; }"#,
            #"got=$(hash "$t"); if [ "$got" != "$new" ]; then st error the new content arrived damaged "$got"; exit 1; fi"#,
        ]
        if let attributes {
            lines += [
                "chown \(attributes.uid):\(attributes.gid) \"$t\" || { st error cannot chown \"$t\"; exit 1; }",
                "chmod \(attributes.mode) \"$t\" || { st error cannot chmod \"$t\"; exit 1; }",
            ]
        } else {
            lines.append(#"chmod 644 "$t" || { st error cannot chmod "$t"; exit 1; }"#)
        }
        lines += [
            #"if [ -f "$f" ] && command -v chcon >/dev/null 2>&1; then chcon --reference="$f" "$t" 2>/dev/null; fi"#,
            // coreutils < 8.24 and busybox may not sync single files; then sync everything.
            #"sync "$t" 2>/dev/null || sync"#,
            #"mv -f "$t" "$f" || { st error cannot rename "$t" over "$f"; exit 1; }"#,
            "trap - EXIT HUP INT PIPE TERM",
            #"sync "${f%/*}" 2>/dev/null || sync"#,
            // A line in the host's own log, for whoever looks at the host rather than the journal.
            "if command -v logger >/dev/null 2>&1; then logger -t pawsguard \"run \(runID): wrote $f\(backupPath == nil ? "" : ", previous content in $b")\" 2>/dev/null; fi",
            "st ok",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Reads files' hashes, modes, owners and canonical paths (`readlink -f`: symlinks in the
/// directories too, such as `/lib -> usr/lib`): one line per path,
/// `PATH-INDEX present HASH MODE UID GID CANONICAL-PATH`, `PATH-INDEX absent` or `PATH-INDEX not-regular`.
public enum RemoteFileStatScript {
    public static func script(paths: [String]) -> String {
        var lines = [RemoteShell.hashFunction]
        for (index, path) in paths.enumerated() {
            lines.append("f=\(ShellQuote.quote(path))")
            // printf, not echo: dash's echo turns `\n` or `\c` in a file name into a line break or
            // the end of the output, so the canonical path would come back cut or shifted.
            lines.append(#"if [ -h "$f" ] || { [ -e "$f" ] && [ ! -f "$f" ]; }; then echo "\#(index) not-regular"; elif [ ! -e "$f" ]; then echo "\#(index) absent"; else printf '%s\n' "\#(index) present $(hash "$f") $(stat -c '%a %u %g' "$f") $(readlink -f "$f")"; fi"#)
        }
        lines.append("echo end")
        return lines.joined(separator: "\n") + "\n"
    }

    public enum FileState: Sendable, Hashable {
        case present(hash: String, attributes: FileAttributes, canonicalPath: String)
        case absent
        case notRegular
    }

    /// The state of each path, in order; nil when the output is incomplete or malformed.
    public static func parse(_ stdout: [UInt8], count: Int) -> [FileState]? {
        let text = String(decoding: stdout, as: UTF8.self)
        var states = [FileState?](repeating: nil, count: count)
        var sawEnd = false
        for line in text.split(separator: "\n") {
            if line == "end" { sawEnd = true; continue }
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let index = Int(fields[0]), states.indices.contains(index) else { continue }
            switch fields[1] {
            case "absent": states[index] = .absent
            case "not-regular": states[index] = .notRegular
            case "present":
                let parts = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
                guard parts.count == 7, parts[2].count == 64, parts[6].hasPrefix("/"),
                    let attributes = FileAttributes(statLine: parts[3...5].joined(separator: " "))
                else { return nil }
                states[index] = .present(hash: String(parts[2]), attributes: attributes, canonicalPath: String(parts[6]))
            default: return nil
            }
        }
        guard sawEnd else { return nil }
        let complete = states.compactMap { $0 }
        return complete.count == count ? complete : nil
    }
}

/// Lexical helpers for the absolute paths of plans.
enum RemotePath {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
