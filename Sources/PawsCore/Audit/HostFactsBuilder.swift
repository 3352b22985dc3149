/// Turns what a probe saw (`HostSnapshot`) and what the inventory says (`InventoryHost`) into the
/// facts rules are evaluated on: persisted values under both appliers, counters, NAT exposure.
public struct HostFactsBuilder: Sendable {
    public var keys: [String]
    public var counters: [String]

    public init(keys: [String], counters: [String]) {
        self.keys = keys
        self.counters = counters
    }

    public init(playbooks: [Playbook]) {
        var keys: [String] = []
        var counters: [String] = []
        for playbook in playbooks {
            for key in playbook.keys where !keys.contains(key) { keys.append(key) }
            for counter in playbook.counters where !counters.contains(counter) { counters.append(counter) }
        }
        self.init(keys: keys, counters: counters)
    }

    public func facts(host: InventoryHost, snapshot: HostSnapshot) -> HostFacts {
        let configuration = SysctlConfigSet(probedFiles: snapshot.configFiles)
        let procps = ProcpsFlavor.model(osRelease: snapshot.osRelease).evaluate(configuration)
        let systemd = SystemdSysctlModel().evaluate(configuration)
        let liveKeys = Set(snapshot.live.compactMap { key, value -> SysctlKey? in
            value == .absent ? nil : SysctlKey(key)
        })
        var keyFacts: [String: KeyFacts] = [:]
        for key in keys {
            guard let sysctlKey = SysctlKey(key) else { continue }
            let live = snapshot.live[key] ?? .unreadable
            let procpsSetting = procps.setting(for: sysctlKey, liveKeys: liveKeys)
            let systemdSetting = systemd.setting(for: sysctlKey, liveKeys: liveKeys)
            let assignments = configuration.everyAssignment(to: sysctlKey).map { entry in
                var effective: [SysctlApplier] = []
                // Assignments name the real file; an applier may reach it through a symlink
                // (systemd reads /etc/sysctl.conf as /etc/sysctl.d/99-sysctl.conf).
                if procpsSetting.map(Self.realOrigin) == entry.location { effective.append(procps.applier) }
                if systemdSetting.map(Self.realOrigin) == entry.location { effective.append(.systemd) }
                return ConfigAssignment(
                    location: entry.location, value: entry.value ?? "", ignoreFailure: entry.ignoreFailure,
                    effectiveUnder: effective, viaGlob: entry.key.isGlob)
            }
            keyFacts[key] = KeyFacts(
                key: key, live: live,
                procps: procpsSetting.map { PersistedValue(value: $0.value, origin: $0.origin) },
                systemd: systemdSetting.map { PersistedValue(value: $0.value, origin: $0.origin) },
                assignments: assignments)
        }
        let wanted = Set(counters.map { NetstatCounterID(.tcpExt, $0) })
        let samples = snapshot.netstatSamples.compactMap(\.text).map {
            NetstatParser.parseLeniently($0, keeping: wanted).counters
        }
        var counterValues: [String: UInt64] = [:]
        var deltas: [String: UInt64]?
        if let last = samples.last {
            for name in counters {
                if let value = last[NetstatCounterID(.tcpExt, name)] { counterValues[name] = value }
            }
        }
        if samples.count >= 2, let first = samples.first, let last = samples.last {
            let delta = NetstatDelta(from: first, to: last)
            var values: [String: UInt64] = [:]
            for name in counters {
                if let value = delta[NetstatCounterID(.tcpExt, name)] { values[name] = value }
            }
            deltas = values
        }
        let unreadable = snapshot.configFiles.filter { $0.content == .unreadable }.map(\.path)
        let nat = NatAssessor().assess(
            host: host, counters: counterValues, deltas: deltas, sampleIntervalSeconds: snapshot.sampleIntervalSeconds,
            peers: host.natSources.isEmpty ? [] : inboundPeers(snapshot))
        return HostFacts(
            host: host.name, kernelRelease: snapshot.kernelRelease, keys: keyFacts, counters: counterValues,
            deltas: deltas, sampleIntervalSeconds: deltas == nil ? nil : snapshot.sampleIntervalSeconds, nat: nat,
            unreadableFiles: unreadable)
    }

    /// The origin line in the file it really lives in, symlinks followed.
    private static func realOrigin(_ setting: PersistedSetting) -> SourceLocation {
        SourceLocation(path: setting.originRealPath, line: setting.origin.line, column: setting.origin.column)
    }

    private func inboundPeers(_ snapshot: HostSnapshot) -> [InboundPeer] {
        var entries: [TCPSocketEntry] = []
        if let text = snapshot.tcp.text { entries += TCPSocketTable.parseLeniently(text, source: "/proc/net/tcp").entries }
        if let text = snapshot.tcp6.text { entries += TCPSocketTable.parseLeniently(text, source: "/proc/net/tcp6").entries }
        return TCPSocketTable.inboundPeers(entries)
    }
}
