/// The cheap test run on every file before any parsing: does it mention a watched key at all?
/// It looks for the last component of each key (`tcp_tw_recycle`), which every spelling of the key
/// contains (`net.ipv4.tcp_tw_recycle`, `net/ipv4/tcp_tw_recycle`, `/proc/sys/...`).
public struct LintPrefilter: Sendable {
    private let search: MultiPatternSearch

    init(watched: WatchedKeys) {
        search = MultiPatternSearch(watched.fragments.map(\.needle))
    }

    /// Bytes to carry from the end of one chunk to the start of the next, so that a fragment split
    /// across two reads is still seen.
    public var overlap: Int { max(0, search.longestPattern - 1) }

    public func matches(_ buffer: UnsafeRawBufferPointer) -> Bool {
        search.matches(buffer)
    }

    public func matches(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes(matches)
    }

    /// The fragments, for messages and the benchmark.
    public var fragments: [String] { search.patterns.map { String(decoding: $0, as: UTF8.self) } }
}
