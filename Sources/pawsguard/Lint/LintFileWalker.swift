import Foundation
import PawsCore

/// Turns the command's PATH arguments into the files to read: the tracked files of a git work
/// tree (`git ls-files`), or every file below a directory outside git (or with `--no-git`),
/// minus `.pawsguardignore` and `--exclude` patterns. Symlinks to directories are followed when
/// walking, with loops detected; `.git` directories are never entered.
struct LintFileWalker {
    let currentDirectory: String
    let useGit: Bool
    let excludes: LintExcludeList

    struct Selection {
        var inputs = LintInputList()
        var skipped: [LintSkip] = []
        var excluded = 0
        /// Where relative paths start for SARIF: the git root, or the current directory.
        var sourceRoot: String
        /// Things to tell the user about the walk itself (git refusing, say).
        var remarks: [String] = []
    }

    func select(_ arguments: [String]) -> Selection {
        var selection = Selection(sourceRoot: currentDirectory)
        // Only overlapping arguments (`lint . roles/`) can name a file twice.
        var seen: Set<String>? = arguments.count > 1 ? [] : nil
        var ignoreFiles: [String: LintExcludeList] = [:]
        for argument in arguments.isEmpty ? ["."] : arguments {
            let absolute = Self.absolute(argument, from: currentDirectory)
            var status = stat()
            guard stat(absolute, &status) == 0 else {
                let failure = errno
                var linkStatus = stat()
                let reason: LintSkip.Reason = lstat(absolute, &linkStatus) != 0 ? .missingArgument
                    : failure == ELOOP ? .symlinkLoop : .danglingSymlink
                selection.skipped.append(LintSkip(path: argument, reason: reason))
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                collectDirectory(absolute, into: &selection, seen: &seen, ignoreFiles: &ignoreFiles)
            } else {
                let root = selection.sourceRoot
                let ignore = ignoreList(root: root, cache: &ignoreFiles)
                add(absolute, root: root, ignore: ignore, into: &selection, seen: &seen)
            }
        }
        return selection
    }

    // MARK: - Directories

    private func collectDirectory(
        _ directory: String, into selection: inout Selection, seen: inout Set<String>?, ignoreFiles: inout [String: LintExcludeList]
    ) {
        if useGit {
            switch GitWorkTree.trackedFiles(in: directory) {
            case .tracked(let root, let listing):
                selection.sourceRoot = root
                let ignore = ignoreList(root: root, cache: &ignoreFiles)
                let filtered = !ignore.isEmpty || !excludes.isEmpty || seen != nil
                var start = 0
                while start < listing.count {
                    let end = listing[start...].firstIndex(of: 0) ?? listing.count
                    if end > start {
                        if filtered {
                            let name = String(decoding: listing[start..<end], as: UTF8.self)
                            add(directory == "/" ? "/" + name : directory + "/" + name, root: root, ignore: ignore, into: &selection, seen: &seen)
                        } else {
                            selection.inputs.append(directory: directory, name: listing[start..<end])
                        }
                    }
                    start = end + 1
                }
                return
            case .refused(let reason):
                selection.remarks.append("\(display(directory)): git refused to list tracked files (\(reason)); walking the directory instead")
            case .notAWorkTree:
                break
            }
        }
        let ignore = ignoreList(root: directory, cache: &ignoreFiles)
        var ancestors: Set<DirectoryIdentity> = []
        walk(directory, root: directory, ignore: ignore, ancestors: &ancestors, into: &selection, seen: &seen)
    }

    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private func walk(
        _ directory: String, root: String, ignore: LintExcludeList, ancestors: inout Set<DirectoryIdentity>,
        into selection: inout Selection, seen: inout Set<String>?
    ) {
        var status = stat()
        guard stat(directory, &status) == 0 else { return }
        let identity = DirectoryIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        guard ancestors.insert(identity).inserted else {
            selection.skipped.append(LintSkip(path: display(directory), reason: .symlinkLoop))
            return
        }
        defer { ancestors.remove(identity) }
        guard let handle = opendir(directory) else {
            selection.skipped.append(LintSkip(path: display(directory), reason: .unreadable(reason: String(cString: strerror(errno)))))
            return
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." || name == ".git" { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(handle)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let path = directory == "/" ? "/" + name : directory + "/" + name
            var isDirectory = type == UInt8(DT_DIR)
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                var target = stat()
                if stat(path, &target) == 0 {
                    isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                } else if type == UInt8(DT_LNK) {
                    let reason: LintSkip.Reason = errno == ELOOP ? .symlinkLoop : .danglingSymlink
                    if !isExcluded(path, root: root, ignore: ignore, isDirectory: false) {
                        selection.skipped.append(LintSkip(path: display(path), reason: reason))
                    }
                    continue
                }
            }
            if isDirectory {
                if isExcluded(path, root: root, ignore: ignore, isDirectory: true) {
                    selection.excluded += 1
                    continue
                }
                walk(path, root: root, ignore: ignore, ancestors: &ancestors, into: &selection, seen: &seen)
            } else {
                add(path, root: root, ignore: ignore, into: &selection, seen: &seen)
            }
        }
    }

    // MARK: - Files

    private func add(_ absolute: String, root: String, ignore: LintExcludeList, into selection: inout Selection, seen: inout Set<String>?) {
        if seen?.insert(absolute).inserted == false { return }
        if isExcluded(absolute, root: root, ignore: ignore, isDirectory: false) {
            selection.excluded += 1
            return
        }
        selection.inputs.append(absolute)
    }

    /// `.pawsguardignore` patterns match paths relative to the directory holding the file;
    /// `--exclude` patterns match paths relative to that root or to the current directory.
    private func isExcluded(_ absolute: String, root: String, ignore: LintExcludeList, isDirectory: Bool) -> Bool {
        let relativeToRoot = Self.relative(absolute, to: root) ?? absolute
        if ignore.excludes(relativeToRoot, isDirectory: isDirectory) { return true }
        if excludes.excludes(relativeToRoot, isDirectory: isDirectory) { return true }
        return excludes.excludes(display(absolute), isDirectory: isDirectory)
    }

    private func ignoreList(root: String, cache: inout [String: LintExcludeList]) -> LintExcludeList {
        if let cached = cache[root] { return cached }
        let path = root + "/" + LintExcludeList.ignoreFileName
        let list = FileManager.default.contents(atPath: path).map { LintExcludeList(ignoreFile: String(decoding: $0, as: UTF8.self)) }
            ?? LintExcludeList()
        cache[root] = list
        return list
    }

    func display(_ absolute: String) -> String {
        Self.relative(absolute, to: currentDirectory) ?? absolute
    }

    static func relative(_ path: String, to directory: String) -> String? {
        if path == directory { return "." }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// An absolute, `.`/`..`-free path (symlinks are kept: they are what the user named).
    static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
