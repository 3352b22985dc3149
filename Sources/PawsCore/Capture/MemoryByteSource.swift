/// Capture bytes already in memory, handed out in pieces of at most `maximumReadSize` bytes so tests can
/// make records straddle chunk boundaries the way they do when a large file is streamed.
public final class MemoryByteSource: ByteSource {
    public let name: String
    private let bytes: [UInt8]
    private let maximumReadSize: Int
    private var position = 0

    public init(name: String, bytes: [UInt8], maximumReadSize: Int = .max) {
        self.name = name
        self.bytes = bytes
        self.maximumReadSize = max(1, maximumReadSize)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(CaptureError) -> Int {
        let count = min(buffer.count, maximumReadSize, bytes.count - position)
        guard count > 0, let destination = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            if let start = source.baseAddress {
                destination.copyMemory(from: start + position, byteCount: count)
            }
        }
        position += count
        return count
    }
}
