/// Where a capture reader gets its bytes: a file read in chunks, or bytes already in memory (tests).
///
/// A class protocol because a source owns a position (and, for files, a descriptor that must be closed once).
public protocol ByteSource: AnyObject {
    /// The name errors use for this source (the path for a file).
    var name: String { get }

    /// Copies up to `buffer.count` next bytes into `buffer`; returns how many, 0 only at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CaptureError) -> Int
}
