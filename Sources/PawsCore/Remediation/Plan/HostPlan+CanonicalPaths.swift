extension HostPlan {
    /// The plan with each file's path replaced by its canonical path on the host (`readlink -f`).
    ///
    /// A probe sees symlinked *directories* only by their effect: where `/lib` links to `usr/lib`,
    /// `/lib/sysctl.d/x.conf` and `/usr/lib/sysctl.d/x.conf` are one file listed twice. Such
    /// changes merge into one (the other paths become `linkedFrom`); writing both would find the
    /// second one already changed. Returns nil when two paths that are one file were planned
    /// differently, which cannot happen for one file's bytes: the plan is then not trusted.
    public func resolvingCanonicalPaths(_ canonical: [String: String]) -> HostPlan? {
        var merged: [FileChange] = []
        for change in fileChanges {
            let path = canonical[change.realPath] ?? change.realPath
            var links = change.linkedFrom
            if path != change.realPath { links.append(change.realPath) }
            if let index = merged.firstIndex(where: { $0.realPath == path }) {
                guard merged[index].oldBytes == change.oldBytes, merged[index].newBytes == change.newBytes else { return nil }
                for link in links where !merged[index].linkedFrom.contains(link) { merged[index].linkedFrom.append(link) }
                continue
            }
            var resolved = change
            resolved.realPath = path
            resolved.linkedFrom = links
            merged.append(resolved)
        }
        var plan = self
        plan.fileChanges = merged
        return plan
    }
}
