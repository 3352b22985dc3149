/// The programs that turn sysctl configuration files into live kernel values at boot or on
/// demand. They read different files in different orders, so a host can persist a different
/// value under each.
public enum SysctlApplier: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `sysctl --system` from procps-ng 3.3.17 and later (Debian 11+, Ubuntu 22.04+, RHEL 9).
    case procps
    /// `sysctl --system` from procps-ng 3.3.16 and earlier (RHEL 7/8, Ubuntu 16.04-20.04):
    /// `/run/sysctl.d` is scanned before `/etc/sysctl.d`, and glob keys do not exist yet.
    case procpsLegacy = "procps-legacy"
    /// `systemd-sysctl`, run by `systemd-sysctl.service` at boot.
    case systemd

    public var description: String {
        switch self {
        case .procps: return "procps sysctl --system"
        case .procpsLegacy: return "procps sysctl --system (3.3.16 and older)"
        case .systemd: return "systemd-sysctl"
        }
    }
}
