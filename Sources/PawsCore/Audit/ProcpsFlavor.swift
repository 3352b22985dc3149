/// Which `sysctl --system` a host runs, guessed from `/etc/os-release`.
///
/// procps-ng 3.3.16 and older scan `/run/sysctl.d` before `/etc/sysctl.d` and know no globs.
/// The probe does not run `sysctl --version` (one process less per host), so the distribution
/// release decides; an unknown distribution gets the current rules.
public enum ProcpsFlavor {
    public static func model(osRelease: String?) -> ProcpsSystemModel {
        ProcpsSystemModel(legacy: isLegacy(osRelease: osRelease))
    }

    static func isLegacy(osRelease: String?) -> Bool {
        guard let osRelease else { return false }
        let fields = OSReleaseText.fields(osRelease)
        let id = fields["ID"]?.lowercased() ?? ""
        let likes = (fields["ID_LIKE"] ?? "").lowercased().split(separator: " ").map(String.init)
        let versionParts = (fields["VERSION_ID"] ?? "").split(separator: ".").compactMap { Int($0) }
        guard let major = versionParts.first else { return false }
        let minor = versionParts.count > 1 ? versionParts[1] : 0
        switch id {
        case "ubuntu": return (major, minor) < (22, 4)
        case "debian": return major < 11
        case "amzn": return major < 2022
        case "rhel", "centos", "ol", "rocky", "almalinux":
            return major < 9
        default:
            if likes.contains("rhel") || likes.contains("centos") { return major < 9 }
            return false
        }
    }
}
