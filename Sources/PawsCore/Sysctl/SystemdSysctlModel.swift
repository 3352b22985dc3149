/// `systemd-sysctl` as run at boot (`run()` in `src/sysctl/sysctl.c`, systemd 207 and later):
///
/// 1. list `*.conf` in `CONF_PATHS("sysctl.d")`: `/etc/sysctl.d`, `/run/sysctl.d`,
///    `/usr/local/lib/sysctl.d`, `/usr/lib/sysctl.d`, plus `/lib/sysctl.d` only in split-usr
///    builds (Debian 12's systemd 252 has just the four; pass `splitUsrDirectories` for old
///    split-usr builds). Names starting with `.` are ignored (`FOREACH_DIRENT`);
/// 2. the same name in several directories: the first directory wins, and a symlink to
///    `/dev/null` masks the name;
/// 3. all files are read sorted by name (`strcmp()`), and the last different value for a key
///    wins (see `SystemdSysctlOption`).
///
/// `/etc/sysctl.conf` is not read at all, unless a `*.conf` in those directories leads to it —
/// the `99-sysctl.conf -> ../sysctl.conf` symlink many distributions ship (Debian 13 no longer
/// does). systemd 206 and older did read it directly; no supported distribution ships those.
/// Credentials (`sysctl.extra`) and `--prefix` are not modelled.
public struct SystemdSysctlModel: SysctlApplierModel {
    public static let defaultDirectories = [
        "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d",
    ]
    public static let splitUsrDirectories = defaultDirectories + ["/lib/sysctl.d"]

    public let directories: [String]

    public init(directories: [String] = SystemdSysctlModel.defaultDirectories) {
        self.directories = directories
    }

    public var applier: SysctlApplier { .systemd }

    public func evaluate(_ configuration: SysctlConfigSet) -> SysctlEvaluation {
        var scan = SysctlDirectoryScan(configuration: configuration)
        scan.scan(directories: directories, skipHiddenNames: true)
        let sysctlConf = ProcpsSystemModel.sysctlConf
        let reachesSysctlConf = scan.applied.contains { $0.realPath == sysctlConf }
        if configuration.file(at: sysctlConf) != nil && !reachesSysctlConf {
            scan.skipped.append(SkippedSysctlFile(path: sysctlConf, reason: .notReadByApplier))
        }
        return SysctlEvaluation(applier: applier, appliedFiles: scan.applied, skippedFiles: scan.skipped)
    }
}
