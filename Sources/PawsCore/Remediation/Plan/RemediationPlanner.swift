/// Computes what to change on one host so that each desired value holds live and at the next
/// boot under **both** appliers (procps `sysctl --system`, old and new, and systemd-sysctl).
///
/// - Live: a write where the kernel has the key and its value differs; none where the key is
///   absent (4.12+ for `tcp_tw_recycle`).
/// - Files: every line in any configuration file that sets the key to another value (dormant
///   lines too: a masked or overridden file becomes effective once someone removes the mask) is
///   commented out with `# pawsguard <run-id>: ` when the kernel default is the desired value,
///   else its value is rewritten in place. Where the kernel lacks the key, every line setting it
///   is stale (`sysctl -p` fails on it) and is commented out, whatever its value.
/// - The plan is then checked: the edited configuration is evaluated again under every applier
///   model, and any applier that would still set another value stops the plan.
///
/// A host already right gets an empty plan, so a second apply changes nothing.
public struct RemediationPlanner: Sendable {
    public var desired: [DesiredSetting]
    public var runID: RunID

    public init(desired: [DesiredSetting], runID: RunID) {
        self.desired = desired
        self.runID = runID
    }

    /// The probe keys the plan needs (live values of every desired key).
    public var probeKeys: [String] { desired.map(\.key.dotted) }

    public func plan(host: String, snapshot: HostSnapshot) throws(RemediationError) -> HostPlan {
        let configuration = SysctlConfigSet(probedFiles: snapshot.configFiles)
        let realFiles = try Self.realFiles(of: configuration, host: host)
        var replacements: [String: [SysctlLineEditor.Replacement]] = [:]
        var edits: [String: [LineEdit]] = [:]
        var liveWrites: [LiveWrite] = []
        var notes: [String] = []
        var presentKeys: [SysctlKey: Bool] = [:]

        for setting in desired {
            let key = setting.key
            let present: Bool
            switch snapshot.live[key.dotted] {
            case .value(let current):
                present = true
                if !SysctlValue.same(current, setting.value) {
                    liveWrites.append(LiveWrite(key: key, from: current, to: setting.value))
                }
            case .absent:
                present = false
            case .unreadable, nil:
                throw .liveValueUnreadable(host: host, key: key)
            }
            presentKeys[key] = present
            let kernelDefaultIsDesired = KernelDefaults.value(for: key).map { SysctlValue.same($0, setting.value) } ?? false

            var staleLines = 0
            for entry in configuration.everyAssignment(to: key) {
                guard let value = entry.value else { continue }
                if entry.key.isGlob {
                    // A glob reaches only keys the kernel has, and it sets other keys too.
                    if present && !SysctlValue.same(value, setting.value) {
                        throw .globLineSetsKey(host: host, location: entry.location, key: key, value: value)
                    }
                    continue
                }
                let path = entry.location.path
                guard let file = realFiles[path] else { continue }
                let replacement: SysctlLineEditor.Replacement
                let kind: LineEdit.Kind
                let reason: String
                if !present {
                    replacement = SysctlLineEditor.commentOut(entry, marker: runID.marker)
                    kind = .commentOut
                    reason = "stale: \(key) does not exist on this kernel, and `sysctl -p` fails on this line"
                    staleLines += 1
                } else if SysctlValue.same(value, setting.value) {
                    continue
                } else if kernelDefaultIsDesired {
                    replacement = SysctlLineEditor.commentOut(entry, marker: runID.marker)
                    kind = .commentOut
                    reason = "sets \(value); without it the kernel default \(setting.value) applies"
                } else if let rewrite = SysctlLineEditor.rewriteValue(entry, to: setting.value) {
                    replacement = rewrite
                    kind = .rewriteValue
                    reason = "sets \(value) instead of \(setting.value)"
                } else {
                    continue
                }
                replacements[path, default: []].append(replacement)
                let lineBytes = SysctlLineEditor.apply(
                    [SysctlLineEditor.Replacement(
                        range: (replacement.range.lowerBound - entry.span.content.lowerBound)..<(replacement.range.upperBound - entry.span.content.lowerBound),
                        bytes: replacement.bytes)],
                    to: Array(file.bytes[entry.span.content]))
                edits[path, default: []].append(LineEdit(
                    kind: kind, key: key, line: entry.span.line, before: file.text(of: entry.span),
                    after: String(decoding: lineBytes, as: UTF8.self), reason: reason))
            }
            if !present {
                let release = snapshot.kernelRelease.map { " \($0)" } ?? ""
                notes.append(staleLines > 0
                    ? "\(key) does not exist on kernel\(release) (removed in 4.12): \(staleLines) stale line(s) commented out, no live write"
                    : "\(key) does not exist on kernel\(release): nothing to write live")
            } else if kernelDefaultIsDesired {
                notes.append("\(key): lines setting another value are commented out; with no line left the kernel default \(setting.value) applies at boot")
            }
        }

        let links = Self.links(in: configuration)
        let fileChanges = replacements.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.compactMap { path -> FileChange? in
            guard let file = realFiles[path], let fileReplacements = replacements[path] else { return nil }
            return FileChange(
                realPath: path, linkedFrom: links[path] ?? [], oldBytes: file.bytes,
                newBytes: SysctlLineEditor.apply(fileReplacements, to: file.bytes),
                edits: (edits[path] ?? []).sorted { $0.line < $1.line })
        }
        let plan = HostPlan(host: host, kernelRelease: snapshot.kernelRelease, fileChanges: fileChanges, liveWrites: liveWrites, notes: notes)
        try checkOutcome(of: plan, configuration: configuration, presentKeys: presentKeys, snapshot: snapshot)
        return plan
    }

    /// Evaluates the edited configuration under every applier model and refuses a plan after
    /// which any of them would persist another value (or keep a stale line).
    private func checkOutcome(
        of plan: HostPlan, configuration: SysctlConfigSet, presentKeys: [SysctlKey: Bool], snapshot: HostSnapshot
    ) throws(RemediationError) {
        let edited = Self.applying(plan.fileChanges, to: configuration)
        let liveKeys = Set(snapshot.live.compactMap { key, value -> SysctlKey? in value == .absent ? nil : SysctlKey(key) })
        let models: [any SysctlApplierModel] = [ProcpsSystemModel(legacy: false), ProcpsSystemModel(legacy: true), SystemdSysctlModel()]
        for setting in desired {
            let present = presentKeys[setting.key] ?? true
            if !present {
                if let stale = edited.everyAssignment(to: setting.key).first(where: { !$0.key.isGlob }) {
                    throw .wouldNotConverge(host: plan.host, key: setting.key, applier: .procps, value: stale.value ?? "", origin: stale.location)
                }
                continue
            }
            for model in models {
                let evaluation = model.evaluate(edited)
                guard let persisted = evaluation.setting(for: setting.key, liveKeys: liveKeys) else { continue }
                if !SysctlValue.same(persisted.value, setting.value) {
                    throw .wouldNotConverge(host: plan.host, key: setting.key, applier: model.applier, value: persisted.value, origin: persisted.origin)
                }
            }
        }
    }

    /// The configuration as it will be after `changes`: every path that reads a changed real
    /// file (directly or through symlinks) reads the new bytes.
    public static func applying(_ changes: [FileChange], to configuration: SysctlConfigSet) -> SysctlConfigSet {
        let newBytes = Dictionary(changes.map { ($0.realPath, $0.newBytes) }, uniquingKeysWith: { first, _ in first })
        var edited = configuration
        for index in edited.files.indices {
            guard case .contents(_, let realPath) = configuration.resolve(edited.files[index].path), let bytes = newBytes[realPath] else {
                continue
            }
            edited.files[index].content = .bytes(bytes)
        }
        return edited
    }

    /// Every readable configuration file by real path, parsed. Unreadable files and symlink
    /// loops stop the plan: a line hidden in them could keep the wrong value.
    private static func realFiles(of configuration: SysctlConfigSet, host: String) throws(RemediationError) -> [String: SysctlFile] {
        var files: [String: SysctlFile] = [:]
        for file in configuration.files {
            switch configuration.resolve(file.path) {
            case .contents(let bytes, let realPath):
                if files[realPath] == nil { files[realPath] = SysctlFileParser.parse(bytes, path: realPath) }
            case .unreadable(let realPath):
                throw .configurationUnreadable(host: host, path: realPath)
            case .symlinkLoop(let chain):
                throw .symlinkLoop(host: host, chain: chain)
            case .masked, .missing:
                continue
            }
        }
        return files
    }

    /// For each real path, the listed paths that reach it through symlinks.
    private static func links(in configuration: SysctlConfigSet) -> [String: [String]] {
        var links: [String: [String]] = [:]
        for file in configuration.files where file.symlinkTarget != nil {
            if case .contents(_, let realPath) = configuration.resolve(file.path), realPath != file.path {
                links[realPath, default: []].append(file.path)
            }
        }
        return links
    }
}
