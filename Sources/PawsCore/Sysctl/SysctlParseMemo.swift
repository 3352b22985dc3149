import Foundation

/// Parsed sysctl files, shared by every host of a run. Each file is parsed once however many
/// applier models and keys ask for it, and a fleet built from the same images holds the same
/// vendor files (`/usr/lib/sysctl.d/50-pid-max.conf`) on every host: those are parsed once for
/// the whole fleet. Bounded by paths, contents per path and bytes held, so a fleet of
/// all-different or huge files costs parsing, not memory.
final class SysctlParseMemo: @unchecked Sendable {
    static let shared = SysctlParseMemo()

    /// Different contents kept per path, and paths kept in all.
    private let variantsPerPath: Int
    private let pathLimit: Int
    /// File bytes held in all (a parsed file keeps its bytes plus line and entry tables).
    private let byteLimit: Int
    private let lock = NSLock()
    private var parsed: [String: [SysctlFile]] = [:]
    private var bytesHeld = 0

    init(variantsPerPath: Int = 4, pathLimit: Int = 4096, byteLimit: Int = 16 << 20) {
        self.variantsPerPath = variantsPerPath
        self.pathLimit = pathLimit
        self.byteLimit = byteLimit
    }

    /// The file parsed from `bytes` with entry locations naming `path`.
    func file(_ bytes: [UInt8], path: String) -> SysctlFile {
        lock.lock()
        // Parsing is deterministic, so a file with the same path and bytes is the same parse.
        let known = parsed[path]?.first { $0.bytes == bytes }
        lock.unlock()
        if let known { return known }
        let file = SysctlFileParser.parse(bytes, path: path)
        lock.lock()
        defer { lock.unlock() }
        guard bytesHeld + bytes.count <= byteLimit else { return file }
        if var variants = parsed[path] {
            if variants.count >= variantsPerPath { bytesHeld -= variants.removeFirst().bytes.count }
            variants.append(file)
            parsed[path] = variants
        } else if parsed.count < pathLimit {
            parsed[path] = [file]
        } else {
            return file
        }
        bytesHeld += bytes.count
        return file
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return parsed.values.reduce(0) { $0 + $1.count }
    }
}
