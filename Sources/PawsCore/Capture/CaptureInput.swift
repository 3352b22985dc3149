/// A capture to analyse: a file on disk, or bytes in memory (tests, or captures received some other way).
public struct CaptureInput: Sendable, Hashable {
    public enum Storage: Sendable, Hashable {
        case file(path: String)
        case bytes([UInt8])
    }

    /// The name reports use for the capture (the path, for a file).
    public var name: String
    public var storage: Storage

    public static func file(_ path: String) -> CaptureInput {
        CaptureInput(name: path, storage: .file(path: path))
    }

    public static func bytes(_ bytes: [UInt8], name: String) -> CaptureInput {
        CaptureInput(name: name, storage: .bytes(bytes))
    }

    func openSource() throws(CaptureError) -> any ByteSource {
        switch storage {
        case .file(let path): return try FileByteSource(path: path)
        case .bytes(let bytes): return MemoryByteSource(name: name, bytes: bytes)
        }
    }
}
