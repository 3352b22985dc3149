/// Lexical path arithmetic for the absolute paths a probe reports. Nothing touches a file
/// system: symlinks are followed by `SysctlConfigSet` using the targets the probe recorded.
enum SysctlPath {
    /// Removes `.` components, empty components and resolves `..` against its parent.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    static func directory(of path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/"), slash != normalized.startIndex else { return "/" }
        return String(normalized[..<slash])
    }

    static func basename(of path: String) -> String {
        let normalized = normalize(path)
        guard let slash = normalized.lastIndex(of: "/") else { return normalized }
        return String(normalized[normalized.index(after: slash)...])
    }

    /// Where a symlink at `link` with the recorded `target` points to.
    static func resolve(target: String, ofLinkAt link: String) -> String {
        if target.hasPrefix("/") { return normalize(target) }
        return normalize(directory(of: link) + "/" + target)
    }

    /// `strcmp()` order on the UTF-8 bytes, which both appliers use to sort file names.
    static func byteOrderPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
