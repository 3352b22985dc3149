extension SysctlConfigSet {
    /// The configuration files a probe listed on a host.
    public init(probedFiles: [ProbedFile]) {
        self.init(files: probedFiles.map { probed in
            let content: File.Content
            switch probed.content {
            case .bytes(let bytes): content = .bytes(bytes)
            case .absent: content = .absent
            case .unreadable: content = .unreadable
            }
            return File(path: probed.path, symlinkTarget: probed.symlinkTarget, content: content)
        })
    }
}
