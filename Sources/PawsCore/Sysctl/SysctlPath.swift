/// Lexical path arithmetic for the absolute paths a probe reports. Nothing touches a file
/// system: symlinks are followed by `SysctlConfigSet` using the targets the probe recorded.
enum SysctlPath {
    /// Removes `.` components, empty components and resolves `..` against its parent.
    static func normalize(_ path: String) -> String {
        if isNormalized(path) { return path }
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

    /// True when `normalize` would return `path` unchanged: absolute, and no empty, `.` or `..`
    /// component. Probed paths almost always are, and this check is much cheaper than splitting.
    static func isNormalized(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let bytes = path.utf8
        guard bytes.first == slash else { return false }
        if bytes.count == 1 { return true }
        guard bytes.last != slash else { return false }
        // Length of the current component so far, and whether it holds only dots.
        var length = 0
        var onlyDots = true
        for byte in bytes.dropFirst() {
            if byte == slash {
                if length == 0 || (onlyDots && length <= 2) { return false }
                length = 0
                onlyDots = true
            } else {
                length += 1
                if byte != dot { onlyDots = false }
            }
        }
        return !(onlyDots && length <= 2)
    }

    static func directory(of path: String) -> String {
        directory(ofNormalized: normalize(path))
    }

    /// `directory(of:)` for a path `normalize` already returned.
    static func directory(ofNormalized normalized: String) -> String {
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
