/// Everything an apply would change on one host, computed from a probe taken in the same run.
public struct HostPlan: Sendable, Hashable, Codable {
    public var host: String
    public var kernelRelease: String?
    /// Files are written before live values, so a reboot half-way still comes up right.
    public var fileChanges: [FileChange]
    public var liveWrites: [LiveWrite]
    /// What the plan relies on, for the SRE reading it (e.g. "key absent from this kernel").
    public var notes: [String]

    public init(host: String, kernelRelease: String? = nil, fileChanges: [FileChange] = [], liveWrites: [LiveWrite] = [], notes: [String] = []) {
        self.host = host
        self.kernelRelease = kernelRelease
        self.fileChanges = fileChanges
        self.liveWrites = liveWrites
        self.notes = notes
    }

    /// True when the host is already right: applying changes nothing.
    public var isEmpty: Bool { fileChanges.isEmpty && liveWrites.isEmpty }

    public var changedLineCount: Int { fileChanges.reduce(0) { $0 + $1.edits.count } }
}
