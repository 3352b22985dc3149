/// One line per desired key saying what a fresh probe shows after a change: the live value and
/// what each applier would set at the next boot. Shown for verified hosts, so the report states
/// the evidence rather than just "ok".
public enum VerificationSummary {
    public static func describe(snapshot: HostSnapshot, desired: [DesiredSetting]) -> String {
        let configuration = SysctlConfigSet(probedFiles: snapshot.configFiles)
        let procps = ProcpsFlavor.model(osRelease: snapshot.osRelease).evaluate(configuration)
        let systemd = SystemdSysctlModel().evaluate(configuration)
        let liveKeys = Set(snapshot.live.compactMap { key, value -> SysctlKey? in value == .absent ? nil : SysctlKey(key) })
        return desired.map { setting in
            let live = snapshot.live[setting.key.dotted] ?? .unreadable
            func persisted(_ evaluation: SysctlEvaluation) -> String {
                guard let value = evaluation.setting(for: setting.key, liveKeys: liveKeys) else {
                    return live == .absent ? "not set" : "not set (kernel default)"
                }
                return "\(value.value) (\(value.origin))"
            }
            return "\(setting.key): live \(live), at boot \(procps.applier.rawValue) \(persisted(procps)), systemd \(persisted(systemd))"
        }.joined(separator: "; ")
    }
}
