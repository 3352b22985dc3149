import Foundation
import PawsCore

/// Reads one file for the linter with a bounded buffer: the first chunk decides whether the file is
/// binary, then every chunk goes through the prefilter (with an overlap, so a key split across two
/// reads is seen). Only a file that mentions a watched key is read whole. One reader per worker
/// thread; its buffer is reused for every file, so memory does not grow with the repository.
final class LintFileReader {
    enum Outcome {
        case skipped(LintSkip.Reason)
        /// Read to the end; no watched key in it.
        case clean
        /// Mentions a watched key: the whole content.
        case content([UInt8])
    }

    static let chunkSize = 256 * 1024
    /// Files above this size that mention a watched key are reported, not read whole.
    static let sizeLimit = 64 * 1024 * 1024

    private let prefilter: LintPrefilter
    private let buffer: UnsafeMutableRawBufferPointer
    /// The directory of the previous file, kept open: files come in path order, so most opens are
    /// relative to it and the kernel resolves one name instead of the whole path.
    private var directory: (path: Substring, descriptor: Int32)?

    init(prefilter: LintPrefilter) {
        self.prefilter = prefilter
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        if let directory { close(directory.descriptor) }
    }

    func read(_ path: String) -> Outcome {
        let descriptor = openFile(path)
        guard descriptor >= 0 else { return .skipped(Self.openFailure(errno, path: path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .skipped(.unreadable(reason: Self.describe(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .skipped(.directoryNotFollowed)
        case S_IFIFO: return .skipped(.notRegularFile(kind: "FIFO"))
        case S_IFSOCK: return .skipped(.notRegularFile(kind: "socket"))
        case S_IFCHR, S_IFBLK: return .skipped(.notRegularFile(kind: "device"))
        default: return .skipped(.notRegularFile(kind: "special file"))
        }
        return scan(descriptor, size: Int(status.st_size))
    }

    /// `open(path)`, through `openat` on the cached directory when the path is absolute.
    private func openFile(_ path: String) -> Int32 {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        guard path.hasPrefix("/"), let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            return open(path, flags)
        }
        let directoryPath = path[..<slash]
        if directory?.path != directoryPath {
            if let directory { close(directory.descriptor) }
            let descriptor = open(String(directoryPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            directory = descriptor >= 0 ? (directoryPath, descriptor) : nil
        }
        guard let directory else { return open(path, flags) }
        return openat(directory.descriptor, String(path[path.index(after: slash)...]), flags)
    }

    private func scan(_ descriptor: Int32, size: Int) -> Outcome {
        guard let base = buffer.baseAddress else { return .clean }
        let overlap = prefilter.overlap
        var carried = 0
        var first = true
        while true {
            let count = Foundation.read(descriptor, base + carried, Self.chunkSize - carried)
            if count < 0 {
                if errno == EINTR { continue }
                return .skipped(.unreadable(reason: Self.describe(errno)))
            }
            if count == 0 { return .clean }
            let filled = UnsafeRawBufferPointer(start: base, count: carried + count)
            if first {
                first = false
                if LintSourceClassifier.looksBinary(filled) { return .skipped(.binary) }
            }
            if prefilter.matches(filled) { break }
            carried = min(overlap, filled.count)
            if carried > 0 { memmove(base, base + filled.count - carried, carried) }
        }
        guard size <= Self.sizeLimit else { return .skipped(.tooLarge(bytes: size, limit: Self.sizeLimit)) }
        return readWhole(descriptor, expectedSize: size)
    }

    private func readWhole(_ descriptor: Int32, expectedSize: Int) -> Outcome {
        var bytes = [UInt8](repeating: 0, count: max(expectedSize, Self.chunkSize))
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count < Self.sizeLimit else { return .skipped(.tooLarge(bytes: filled, limit: Self.sizeLimit)) }
                bytes += [UInt8](repeating: 0, count: bytes.count)
            }
            let count = bytes.withUnsafeMutableBytes { all -> Int in
                guard let start = all.baseAddress else { return 0 }
                return pread(descriptor, start + filled, all.count - filled, off_t(filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .skipped(.unreadable(reason: Self.describe(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .content(bytes)
    }

    private static func openFailure(_ code: Int32, path: String) -> LintSkip.Reason {
        switch code {
        case ELOOP:
            return .symlinkLoop
        case ENOENT:
            var status = stat()
            return lstat(path, &status) == 0 ? .danglingSymlink : .deletedFromWorkTree
        default:
            return .unreadable(reason: describe(code))
        }
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
