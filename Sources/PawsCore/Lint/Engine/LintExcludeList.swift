/// Paths lint does not read: `--exclude` globs and the lines of a `.pawsguardignore` file.
public struct LintExcludeList: Sendable, Hashable {
    public private(set) var globs: [LintPathGlob]

    public init(patterns: [String] = []) {
        globs = patterns.compactMap(LintPathGlob.init)
    }

    /// The name of the ignore file read at the root of the scanned tree.
    public static let ignoreFileName = ".pawsguardignore"

    /// `.pawsguardignore` syntax: one pattern per line; blank lines and lines starting with `#`
    /// are skipped.
    public init(ignoreFile text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmingSurroundingBlanks() }
        self.init(patterns: lines.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    public var isEmpty: Bool { globs.isEmpty }

    /// The first pattern that excludes `path`, if any.
    public func exclusion(of path: String, isDirectory: Bool = false) -> LintPathGlob? {
        globs.first { $0.matches(path, isDirectory: isDirectory) }
    }

    public func excludes(_ path: String, isDirectory: Bool = false) -> Bool {
        exclusion(of: path, isDirectory: isDirectory) != nil
    }

    public func adding(_ other: LintExcludeList) -> LintExcludeList {
        var merged = self
        merged.globs += other.globs
        return merged
    }
}
