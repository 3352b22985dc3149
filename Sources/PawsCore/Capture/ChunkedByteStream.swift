/// A window over a `ByteSource`: readers ask for the next N bytes, look at them through a raw pointer, and
/// consume them. The buffer is reused for the whole file and only grows when one record is larger than it.
///
/// A struct so that the per-record bookkeeping (`start`, `end`) is plain stored-property access, without the
/// dynamic exclusivity checks class properties cost in the hot loop; the memory itself is owned by
/// `StreamBuffer`, which frees it.
struct ChunkedByteStream {
    static let defaultCapacity = 1 << 20

    let source: any ByteSource
    private var buffer: StreamBuffer
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var offsetOfBase: Int64 = 0
    private var sourceExhausted = false

    init(source: any ByteSource, capacity: Int = ChunkedByteStream.defaultCapacity) {
        self.source = source
        self.capacity = max(capacity, 64)
        buffer = StreamBuffer(capacity: self.capacity)
        base = buffer.pointer
    }

    /// File offset of the next unconsumed byte.
    var offset: Int64 { offsetOfBase + Int64(start) }

    /// Bytes available at `pointer` without reading more.
    var available: Int { end - start }

    /// The next unconsumed byte; valid for `available` bytes, until the next `fill`.
    var pointer: UnsafeRawPointer { UnsafeRawPointer(base + start) }

    /// Makes at least `count` bytes available. Returns false when the source ends first; `available`
    /// then tells how many bytes were left.
    @inline(__always)
    mutating func fill(atLeast count: Int) throws(CaptureError) -> Bool {
        if end - start >= count { return true }
        return try refill(atLeast: count)
    }

    @inline(__always)
    mutating func consume(_ count: Int) {
        start += min(count, end - start)
    }

    private mutating func refill(atLeast count: Int) throws(CaptureError) -> Bool {
        if count > capacity - start {
            compact()
            if count > capacity { grow(to: max(count, capacity * 2)) }
        }
        while end - start < count {
            if sourceExhausted { return false }
            let room = UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end)
            let received = try source.read(into: room)
            if received == 0 {
                sourceExhausted = true
                return false
            }
            end += received
        }
        return true
    }

    private mutating func compact() {
        guard start > 0 else { return }
        let remaining = end - start
        if remaining > 0 { base.copyMemory(from: base + start, byteCount: remaining) }
        offsetOfBase += Int64(start)
        start = 0
        end = remaining
    }

    private mutating func grow(to newCapacity: Int) {
        let larger = StreamBuffer(capacity: newCapacity)
        if end > 0 { larger.pointer.copyMemory(from: base, byteCount: end) }
        buffer = larger
        base = larger.pointer
        capacity = newCapacity
    }
}

/// Owns the raw memory behind a `ChunkedByteStream`.
final class StreamBuffer {
    let pointer: UnsafeMutableRawPointer

    init(capacity: Int) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        pointer.deallocate()
    }
}
