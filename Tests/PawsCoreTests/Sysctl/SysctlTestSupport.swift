@testable import PawsCore

/// Small host configurations for the precedence tests.
enum SysctlFixtures {
    /// `files` maps a path to its text, `symlinks` a path to its recorded target.
    static func host(
        _ files: [String: String] = [:], symlinks: [String: String] = [:], unreadable: [String] = []
    ) -> SysctlConfigSet {
        var all = files.map { SysctlConfigSet.File(path: $0.key, text: $0.value) }
        all += symlinks.map { SysctlConfigSet.File.symlink($0.key, to: $0.value) }
        all += unreadable.map { SysctlConfigSet.File(path: $0, content: .unreadable) }
        // Probes list files in directory order; the models must not depend on the listing order.
        return SysctlConfigSet(files: all.sorted { $0.path > $1.path })
    }

    /// The Debian/Ubuntu link that makes systemd-sysctl read /etc/sysctl.conf.
    static let debianSysctlConfLink = ["/etc/sysctl.d/99-sysctl.conf": "../sysctl.conf"]

    static let procps = ProcpsSystemModel()
    static let legacyProcps = ProcpsSystemModel(legacy: true)
    static let systemd = SystemdSysctlModel()

    static func key(_ text: String) -> SysctlKey {
        guard let key = SysctlKey(text) else { preconditionFailure("test key '\(text)' has no component") }
        return key
    }
}
