/// For one concrete key: every assignment line that names it (directly or by glob) with its
/// status, and the line whose value the applier writes last.
struct SysctlKeyResolution {
    struct Effective {
        let step: SysctlStep
        let ignoreFailure: Bool
    }

    let lines: [(step: SysctlStep, status: SysctlAssignment.Status)]
    let effective: Effective?

    init(lines: [(step: SysctlStep, status: SysctlAssignment.Status)], effective: Effective?) {
        self.lines = lines.sorted { $0.step.index < $1.step.index }
        self.effective = effective
    }

    /// procps `sysctl --system` (`write_setting_list()` in procps 4 `src/sysctl.c`): every
    /// explicit line is written in reading order, so the last one wins. A glob line is expanded
    /// with `glob(3)` and skips every path that any line names exactly, exclusion lines
    /// included. Exclusions never stop explicit lines. Checked against procps-ng 4.0.2, where
    /// an exclusion line that is itself a pattern excludes nothing; later upstream versions
    /// match such lines with `fnmatch()` (not modelled). procps 3.3.16 and older know no globs
    /// or exclusions: a glob key is taken literally (no such file) and `-key` without `=` is
    /// rejected as invalid syntax.
    static func procps(
        _ key: SysctlKey, steps: [SysctlStep], globsReachKey: Bool, supportsGlobs: Bool
    ) -> SysctlKeyResolution {
        let assignments = steps.filter { $0.entry.value != nil }
        let explicit = assignments.filter { !$0.key.isGlob && $0.key == key }
        let globs = assignments.filter { $0.key.isGlob && $0.key.globMatches(key) }

        if let last = explicit.last {
            let globStatus: SysctlAssignment.Status = supportsGlobs ? .preemptedByExplicitKey : .unsupportedByApplier
            return SysctlKeyResolution(
                lines: ranked(explicit, winner: last) + globs.map { ($0, globStatus) },
                effective: Effective(step: last, ignoreFailure: last.entry.ignoreFailure))
        }
        guard supportsGlobs else {
            return SysctlKeyResolution(lines: globs.map { ($0, .unsupportedByApplier) }, effective: nil)
        }
        guard globsReachKey else {
            return SysctlKeyResolution(lines: globs.map { ($0, .keyNotLive) }, effective: nil)
        }
        let excluded = steps.contains { $0.entry.action == .excludeFromGlobs && $0.key == key }
        guard !excluded, let last = globs.last else {
            return SysctlKeyResolution(lines: globs.map { ($0, .excludedFromGlobs) }, effective: nil)
        }
        return SysctlKeyResolution(
            lines: ranked(globs, winner: last), effective: Effective(step: last, ignoreFailure: last.entry.ignoreFailure))
    }

    /// systemd-sysctl (`apply_all()` in `src/sysctl/sysctl.c`): the option table holds one
    /// option per key; an explicit option wins over every glob, an exclusion option for the key
    /// (only an exact key, globs are not matched) keeps globs off it and, being the key's
    /// option, also drops an earlier explicit assignment. Glob options apply in table order.
    static func systemd(
        _ key: SysctlKey, steps: [SysctlStep], options: [SystemdSysctlOption], globsReachKey: Bool
    ) -> SysctlKeyResolution {
        let assignments = steps.filter { $0.entry.value != nil }
        let explicit = assignments.filter { !$0.key.isGlob && $0.key == key }
        let globs = assignments.filter { $0.key.isGlob && $0.key.globMatches(key) }

        if let option = options.first(where: { !$0.key.isGlob && $0.key == key }) {
            guard option.value != nil else {
                return SysctlKeyResolution(
                    lines: explicit.map { ($0, .cancelledByExclusion) } + globs.map { ($0, .excludedFromGlobs) },
                    effective: nil)
            }
            let winner = steps[option.origin]
            return SysctlKeyResolution(
                lines: ranked(explicit, winner: winner) + globs.map { ($0, .preemptedByExplicitKey) },
                effective: Effective(step: winner, ignoreFailure: option.ignoreFailure))
        }
        guard globsReachKey else {
            return SysctlKeyResolution(lines: globs.map { ($0, .keyNotLive) }, effective: nil)
        }
        let winningOption = options.last { $0.value != nil && $0.key.isGlob && $0.key.globMatches(key) }
        let winner = winningOption.map { steps[$0.origin] }
        let lines = globs.map { step -> (step: SysctlStep, status: SysctlAssignment.Status) in
            // A later `-pattern` line for the very same pattern replaced its option.
            if options.first(where: { $0.key == step.key })?.value == nil { return (step, .cancelledByExclusion) }
            guard let winner else { return (step, .overridden) }
            if step.index == winner.index { return (step, .effective) }
            return (step, step.entry.value == winner.entry.value ? .redundant : .overridden)
        }
        return SysctlKeyResolution(
            lines: lines,
            effective: winningOption.map { Effective(step: steps[$0.origin], ignoreFailure: $0.ignoreFailure) })
    }

    /// The winner is effective; other lines are redundant when they set the same value.
    private static func ranked(
        _ steps: [SysctlStep], winner: SysctlStep
    ) -> [(step: SysctlStep, status: SysctlAssignment.Status)] {
        steps.map { step in
            if step.index == winner.index { return (step, .effective) }
            return (step, step.entry.value == winner.entry.value ? .redundant : .overridden)
        }
    }
}
