/// The part both appliers share: scan `sysctl.d` directories in precedence order, keep the first
/// `*.conf` file seen for each name, sort the survivors by name with `strcmp()`, and read them.
struct SysctlDirectoryScan {
    let configuration: SysctlConfigSet
    var applied: [AppliedSysctlFile] = []
    var skipped: [SkippedSysctlFile] = []

    init(configuration: SysctlConfigSet) {
        self.configuration = configuration
    }

    /// Picks the files to read and reads them, recording everything left out.
    mutating func scan(directories: [String], skipHiddenNames: Bool) {
        var winners: [String: String] = [:]
        var candidates: [(name: String, path: String)] = []
        for directory in directories {
            for file in configuration.files(in: directory) {
                let name = SysctlPath.basename(of: file.path)
                // procps: at least 5 characters ending in ".conf"; systemd: suffix ".conf".
                guard name.hasSuffix(".conf") else { continue }
                if skipHiddenNames && name.hasPrefix(".") {
                    skipped.append(SkippedSysctlFile(path: file.path, reason: .hidden))
                    continue
                }
                if let winner = winners[name] {
                    skipped.append(SkippedSysctlFile(path: file.path, reason: .overriddenBy(path: winner)))
                    continue
                }
                winners[name] = file.path
                candidates.append((name, file.path))
            }
        }
        candidates.sort { SysctlPath.byteOrderPrecedes($0.name, $1.name) }
        for candidate in candidates {
            read(candidate.path)
        }
    }

    /// Reads one file through its symlinks; a mask or an unreadable file is recorded as skipped.
    mutating func read(_ path: String) {
        switch configuration.resolve(path) {
        case .contents(let bytes, let realPath):
            applied.append(AppliedSysctlFile(path: path, realPath: realPath, file: configuration.parsed(bytes, path: path)))
        case .masked(let chain):
            skipped.append(SkippedSysctlFile(path: path, reason: .masked(chain: chain)))
        case .missing(let realPath):
            skipped.append(SkippedSysctlFile(path: path, reason: .missing(realPath: realPath)))
        case .unreadable(let realPath):
            skipped.append(SkippedSysctlFile(path: path, reason: .unreadable(realPath: realPath)))
        case .symlinkLoop(let chain):
            skipped.append(SkippedSysctlFile(path: path, reason: .symlinkLoop(chain: chain)))
        }
    }
}
