/// The sysctl configuration files present on one host, as a probe saw them: each path with its
/// bytes and, for a symlink, the target it records. Which of them an applier reads, and in what
/// order, is decided by `ProcpsSystemModel` and `SystemdSysctlModel`.
public struct SysctlConfigSet: Sendable, Hashable {
    /// A file as the probe recorded it: path, symlink target, and what reading it gave.
    public typealias File = ProbedFile

    public var files: [File] {
        didSet { index = Index(files) }
    }
    /// Lookups by normalized path and by directory; audits ask for the same paths many times.
    private var index: Index

    public init(files: [File]) {
        self.files = files
        self.index = Index(files)
    }

    /// The file recorded at `path` (compared after lexical normalization).
    public func file(at path: String) -> File? {
        index.firstByPath[SysctlPath.normalize(path)].map { files[$0] }
    }

    /// The files whose parent directory is `directory`, in the order they were recorded.
    public func files(in directory: String) -> [File] {
        (index.byDirectory[SysctlPath.normalize(directory)] ?? []).map { files[$0] }
    }

    /// The file parsed from bytes this set resolved, entry locations naming `path`; each
    /// (path, bytes) pair is parsed once however many models, keys and hosts ask.
    func parsed(_ bytes: [UInt8], path: String) -> SysctlFile {
        SysctlParseMemo.shared.file(bytes, path: path)
    }

    public static func == (lhs: SysctlConfigSet, rhs: SysctlConfigSet) -> Bool {
        lhs.files == rhs.files
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(files)
    }

    private struct Index: Sendable {
        var firstByPath: [String: Int] = [:]
        var byDirectory: [String: [Int]] = [:]

        init(_ files: [File]) {
            for (position, file) in files.enumerated() {
                let normalized = SysctlPath.normalize(file.path)
                if firstByPath[normalized] == nil { firstByPath[normalized] = position }
                byDirectory[SysctlPath.directory(ofNormalized: normalized), default: []].append(position)
            }
        }
    }

    /// Follows symlinks through the recorded targets, as opening the path would.
    public func resolve(_ path: String) -> SysctlFileResolution {
        var current = SysctlPath.normalize(path)
        var chain = [current]
        // The kernel gives up after 40 links (ELOOP); so do we.
        for _ in 0..<40 {
            if current == Self.devNull { return .masked(chain: chain) }
            guard let file = file(at: current) else { return .missing(realPath: current) }
            guard let target = file.symlinkTarget else { return Self.resolution(of: file.content, realPath: current) }

            let next = SysctlPath.resolve(target: target, ofLinkAt: current)
            chain.append(next)
            if next == Self.devNull { return .masked(chain: chain) }
            if self.file(at: next) == nil {
                // The target itself was not listed; the probe still read through the link.
                return Self.resolution(of: file.content, realPath: next)
            }
            current = next
        }
        return .symlinkLoop(chain: chain)
    }

    static let devNull = "/dev/null"

    private static func resolution(of content: ProbedFile.Content, realPath: String) -> SysctlFileResolution {
        switch content {
        case .bytes(let bytes): return .contents(bytes, realPath: realPath)
        case .absent: return .missing(realPath: realPath)
        case .unreadable: return .unreadable(realPath: realPath)
        }
    }
}

/// What opening a configuration path yields once symlinks are followed.
public enum SysctlFileResolution: Sendable, Hashable {
    /// A readable file; `realPath` is the file the bytes live in (the one to edit).
    case contents([UInt8], realPath: String)
    /// The path is, or leads through symlinks to, `/dev/null`: the conventional way to mask a
    /// vendor file. `chain` lists every path on the way, ending with `/dev/null`.
    case masked(chain: [String])
    /// Nothing there: a dangling symlink, or a path the probe did not list.
    case missing(realPath: String)
    case unreadable(realPath: String)
    case symlinkLoop(chain: [String])
}

extension ProbedFile {
    public init(path: String, symlinkTarget: String? = nil, text: String) {
        self.init(path: path, symlinkTarget: symlinkTarget, content: .bytes(Array(text.utf8)))
    }

    /// A symlink whose content is whatever its target holds.
    public static func symlink(_ path: String, to target: String) -> ProbedFile {
        ProbedFile(path: path, symlinkTarget: target, content: .absent)
    }
}
