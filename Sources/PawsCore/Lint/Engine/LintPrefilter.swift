/// The cheap test run on every file before any parsing: does it mention a watched key at all?
/// It looks for the last component of each key (`tcp_tw_recycle`), which every spelling of the key
/// contains (`net.ipv4.tcp_tw_recycle`, `net/ipv4/tcp_tw_recycle`, `/proc/sys/...`).
public struct LintPrefilter: Sendable {
    let patterns: [BytePattern]

    init(watched: WatchedKeys) {
        patterns = watched.fragments
    }

    /// Bytes to carry from the end of one chunk to the start of the next, so that a fragment split
    /// across two reads is still seen.
    public var overlap: Int { max(0, (patterns.map(\.needle.count).max() ?? 1) - 1) }

    public func matches(_ buffer: UnsafeRawBufferPointer) -> Bool {
        patterns.contains { $0.firstOffset(in: buffer) != nil }
    }

    public func matches(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes(matches)
    }

    /// The fragments, for messages and the benchmark.
    public var fragments: [String] { patterns.map { String(decoding: $0.needle, as: UTF8.self) } }
}
