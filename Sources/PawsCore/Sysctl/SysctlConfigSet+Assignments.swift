extension SysctlConfigSet {
    /// Every directory either applier may read, in procps's order.
    public static let knownDirectories = ProcpsSystemModel.directories

    /// Every line in any configuration file on the host that assigns `key`, directly or by a
    /// glob matching it, whether or not an applier reads it today: a line in a masked or
    /// overridden file, or in `/etc/sysctl.conf` on a host where systemd-sysctl skips it, turns
    /// effective as soon as someone removes the mask or adds the link. A fix changes them all.
    ///
    /// Each real file is read once; entry locations name the real file (symlinks followed), so
    /// they are the places to edit. Files are ordered by path.
    public func everyAssignment(to key: SysctlKey) -> [SysctlEntry] {
        var realPaths = Set<String>()
        var files: [SysctlFile] = []
        for file in self.files where isConfigurationPath(file.path) {
            guard case .contents(let bytes, let realPath) = resolve(file.path), realPaths.insert(realPath).inserted else {
                continue
            }
            files.append(parsed(bytes, path: realPath))
        }
        return files.sorted { SysctlPath.byteOrderPrecedes($0.path, $1.path) }.flatMap { file in
            file.entries.filter { entry in
                entry.value != nil && (entry.key == key || (entry.key.isGlob && entry.key.globMatches(key)))
            }
        }
    }

    private func isConfigurationPath(_ path: String) -> Bool {
        if SysctlPath.normalize(path) == ProcpsSystemModel.sysctlConf { return true }
        return path.hasSuffix(".conf") && Self.knownDirectories.contains(SysctlPath.directory(of: path))
    }
}
