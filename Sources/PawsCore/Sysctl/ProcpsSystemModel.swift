/// `sysctl --system` from procps-ng, as `PreloadSystem()` in `src/sysctl.c` does it:
///
/// 1. scan `/etc/sysctl.d`, `/run/sysctl.d`, `/usr/local/lib/sysctl.d`, `/usr/lib/sysctl.d`,
///    `/lib/sysctl.d` in that order (3.3.16 and older: `/run` before `/etc`), taking names that
///    end in `.conf`; the first file seen with a name masks later ones with the same name;
/// 2. read the survivors sorted by name with `strcmp()` (`qsort` + `sortpairs`);
/// 3. read `/etc/sysctl.conf` last, if `stat()` says it is a regular file (so a symlink to
///    `/dev/null` is skipped), which makes it win over every drop-in. On Debian-style hosts where
///    `/etc/sysctl.d/99-sysctl.conf` links to it, procps reads it twice.
///
/// A drop-in that is a symlink to `/dev/null` is opened and read as an empty file: it masks its
/// name and sets nothing, which is what `SkippedSysctlFile.Reason.masked` records.
///
/// Not modelled: SUSE's patch that first reads `/boot/sysctl.conf-$(uname -r)`, and
/// procps-ng 3.3.9, whose inverted `stat()` test skipped `/etc/sysctl.conf` under `--system`.
public struct ProcpsSystemModel: SysctlApplierModel {
    public static let directories = [
        "/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d",
    ]
    /// procps-ng 3.3.16 and older; 3.3.17 moved `/etc` first to match systemd.
    public static let legacyDirectories = [
        "/run/sysctl.d", "/etc/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d",
    ]
    public static let sysctlConf = "/etc/sysctl.conf"

    public let legacy: Bool

    public init(legacy: Bool = false) {
        self.legacy = legacy
    }

    public var applier: SysctlApplier { legacy ? .procpsLegacy : .procps }

    public var directories: [String] { legacy ? Self.legacyDirectories : Self.directories }

    public func evaluate(_ configuration: SysctlConfigSet) -> SysctlEvaluation {
        var scan = SysctlDirectoryScan(configuration: configuration)
        scan.scan(directories: directories, skipHiddenNames: false)
        let sysctlConfListed = configuration.file(at: Self.sysctlConf) != nil
        if sysctlConfListed {
            scan.read(Self.sysctlConf)
        }
        return SysctlEvaluation(applier: applier, appliedFiles: scan.applied, skippedFiles: scan.skipped)
    }
}
