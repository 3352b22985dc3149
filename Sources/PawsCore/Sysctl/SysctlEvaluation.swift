/// What one applier makes of a host's configuration files: the files it reads in order, the
/// ones it skips, and for any key the value it would write and every line involved.
///
/// Glob lines (`net.ipv4.conf.*.rp_filter = 1`) only reach keys that exist on the host. Pass the
/// host's live keys as `liveKeys` when known; without them a glob is assumed to reach any key
/// it matches.
public struct SysctlEvaluation: Sendable, Hashable {
    public let applier: SysctlApplier
    /// The files the applier reads, in reading order.
    public let appliedFiles: [AppliedSysctlFile]
    public let skippedFiles: [SkippedSysctlFile]

    /// Every entry in the order the applier processes it.
    let steps: [SysctlStep]
    /// systemd-sysctl's table after reading all files (it keeps one option per key string).
    let systemdOptions: [SystemdSysctlOption]

    init(applier: SysctlApplier, appliedFiles: [AppliedSysctlFile], skippedFiles: [SkippedSysctlFile]) {
        self.applier = applier
        self.appliedFiles = appliedFiles
        self.skippedFiles = skippedFiles
        var steps: [SysctlStep] = []
        for file in appliedFiles {
            for entry in file.file.entries {
                let key = applier == .systemd ? entry.key : entry.procpsKey
                steps.append(SysctlStep(index: steps.count, key: key, entry: entry, realPath: file.realPath))
            }
        }
        self.steps = steps
        self.systemdOptions = applier == .systemd ? SystemdSysctlOption.table(of: steps) : []
    }

    /// Parse diagnostics of the files read, then one for each file that could not be read.
    public var diagnostics: [SysctlDiagnostic] {
        let parsing = appliedFiles.flatMap { $0.file.diagnostics }
        let unreadable = skippedFiles.compactMap { skipped -> SysctlDiagnostic? in
            switch skipped.reason {
            case .unreadable:
                return SysctlDiagnostic(
                    location: SourceLocation(path: skipped.path, line: 0), kind: .unreadableFile(reason: "permission denied"))
            case .symlinkLoop:
                return SysctlDiagnostic(
                    location: SourceLocation(path: skipped.path, line: 0), kind: .unreadableFile(reason: "symlink loop"))
            default:
                return nil
            }
        }
        return parsing + unreadable
    }

    /// False when a file the applier would read could not be read: the persisted values may
    /// then differ from what this evaluation says.
    public var isComplete: Bool {
        !skippedFiles.contains { skipped in
            switch skipped.reason {
            case .unreadable, .symlinkLoop: return true
            default: return false
            }
        }
    }

    /// Every line that assigns `key`, directly or through a glob, in reading order, with what
    /// becomes of it.
    public func assignments(to key: SysctlKey, liveKeys: Set<SysctlKey>? = nil) -> [SysctlAssignment] {
        resolve(key, liveKeys: liveKeys).lines.map { step, status in
            SysctlAssignment(key: key, entry: step.entry, path: step.entry.location.path, realPath: step.realPath, status: status)
        }
    }

    /// The value the applier writes for `key`, or nil when no line sets it.
    public func setting(for key: SysctlKey, liveKeys: Set<SysctlKey>? = nil) -> PersistedSetting? {
        let resolution = resolve(key, liveKeys: liveKeys)
        guard let effective = resolution.effective else { return nil }
        let shadowed = resolution.lines.filter { $0.step.index != effective.step.index }.map { $0.step.entry.location }
        return PersistedSetting(
            key: key, value: effective.step.entry.value ?? "", origin: effective.step.entry.location,
            originRealPath: effective.step.realPath, ignoreFailure: effective.ignoreFailure, shadowed: shadowed,
            viaGlob: effective.step.key.isGlob ? effective.step.key : nil)
    }

    public func value(for key: SysctlKey, liveKeys: Set<SysctlKey>? = nil) -> String? {
        setting(for: key, liveKeys: liveKeys)?.value
    }

    /// The keys named explicitly (not by glob) by an assignment the applier reads.
    public var explicitKeys: Set<SysctlKey> {
        Set(steps.filter { !$0.key.isGlob && $0.entry.value != nil }.map(\.key))
    }

    /// The glob patterns of assignment lines, in reading order, without repetitions.
    public var globPatterns: [SysctlKey] {
        var seen = Set<SysctlKey>()
        return steps.filter { $0.key.isGlob && $0.entry.value != nil }.map(\.key).filter { seen.insert($0).inserted }
    }

    /// Every key that ends up set: the explicit keys, plus the live keys globs reach.
    /// Without `liveKeys` globs are not expanded (see `globPatterns`).
    public func effectiveTable(liveKeys: Set<SysctlKey>? = nil) -> [SysctlKey: PersistedSetting] {
        var table: [SysctlKey: PersistedSetting] = [:]
        for key in explicitKeys.union(liveKeys ?? []) {
            if let setting = setting(for: key, liveKeys: liveKeys) { table[key] = setting }
        }
        return table
    }

    private func resolve(_ key: SysctlKey, liveKeys: Set<SysctlKey>?) -> SysctlKeyResolution {
        let reachable = liveKeys?.contains(key) ?? true
        switch applier {
        case .procps:
            return SysctlKeyResolution.procps(key, steps: steps, globsReachKey: reachable, supportsGlobs: true)
        case .procpsLegacy:
            return SysctlKeyResolution.procps(key, steps: steps, globsReachKey: reachable, supportsGlobs: false)
        case .systemd:
            return SysctlKeyResolution.systemd(key, steps: steps, options: systemdOptions, globsReachKey: reachable)
        }
    }
}

/// One entry in an applier's reading order.
struct SysctlStep: Sendable, Hashable {
    let index: Int
    /// The key as this applier understands the entry.
    let key: SysctlKey
    let entry: SysctlEntry
    let realPath: String
}
