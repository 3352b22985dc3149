/// A host plan as a reviewer reads it: a unified diff per file (symlinks that lead to it named
/// above it) and one line per live write.
public enum PlanDiff {
    public static func render(_ plan: HostPlan, runID: RunID) -> String {
        var text = ""
        for change in plan.fileChanges {
            for link in change.linkedFrom {
                text += "# \(link) leads to \(change.realPath) (symlink): the real file is changed, the link stays\n"
            }
            let diff = UnifiedDiff(oldLabel: change.realPath, newLabel: "\(change.realPath) (pawsguard \(runID))")
            text += diff.render(old: change.oldBytes, new: change.newBytes)
        }
        for write in plan.liveWrites {
            text += "live: sysctl -w \(write.key)=\(write.to)   (now \(write.from))\n"
        }
        return text
    }
}
