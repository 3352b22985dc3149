import Foundation

/// Remembers files already parsed for one `SysctlConfigSet`, so the applier models and
/// `everyAssignment` parse each file once between them instead of once per model and key.
/// Shared by copies of the set (a reference), cleared when the set's files change.
final class SysctlParseMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: SysctlFile] = [:]

    /// The file parsed from `bytes` with entry locations naming `path`.
    func file(_ bytes: [UInt8], path: String) -> SysctlFile {
        lock.lock()
        let known = parsed[path]
        lock.unlock()
        // The same label can come with other bytes only if a symlink and its target were read
        // apart and differ; compare rather than trust the label (equal buffers compare in O(1)).
        if let known, known.bytes == bytes { return known }
        let file = SysctlFileParser.parse(bytes, path: path)
        lock.lock()
        parsed[path] = file
        lock.unlock()
        return file
    }
}
