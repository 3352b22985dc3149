#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A capture file read with `read(2)`, so a multi-gigabyte capture streams through a fixed buffer
/// instead of being loaded whole.
public final class FileByteSource: ByteSource {
    public let name: String
    private let descriptor: Int32
    private var position: Int64 = 0

    /// Opens `path` for reading.
    public init(path: String) throws(CaptureError) {
        name = path
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else {
            throw .cannotOpen(file: path, reason: Self.describe(errno: errno))
        }
        var status = stat()
        if fstat(opened, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw .cannotOpen(file: path, reason: "it is a directory")
        }
        descriptor = opened
    }

    deinit {
        close(descriptor)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CaptureError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 {
                position += Int64(count)
                return count
            }
            if errno == EINTR { continue }
            throw .readFailed(file: name, offset: position, reason: Self.describe(errno: errno))
        }
    }

    private static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// `read(2)`; a free function because inside `FileByteSource` the name `read` means the protocol method.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
