extension SysctlConfigSet {
    /// The configuration files a probe listed on a host.
    public init(probedFiles: [ProbedFile]) {
        self.init(files: probedFiles)
    }
}
