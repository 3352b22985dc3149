/// Bytes an extractor scans, and how offsets in them map to the file.
///
/// Text inside another syntax (a YAML scalar, a quoted shell word, an HCL string) has had quotes
/// and escapes removed, so its offsets are not file offsets. They are lower bounds, though: quotes,
/// escapes, indentation and line folding only ever make the raw text longer than its content. So
/// a key found at content offset `o` is the first occurrence of the key's text in the file at or
/// after `base + o`, which is exact for every case the tests cover and never lands before the
/// text it came from.
struct ScanBuffer {
    enum Placement {
        /// The bytes are the file: offsets are file offsets.
        case exact
        /// Content whose raw text starts at this file offset: byte `i` of `bytes` lies at or after
        /// file offset `base + i`.
        case searchFrom(Int)
        /// Decoded content (base64) that cannot be mapped: everything points here.
        case fixed(Int)
    }

    let bytes: [UInt8]
    let range: Range<Int>
    let placement: Placement

    init(bytes: [UInt8], range: Range<Int>, placement: Placement) {
        self.bytes = bytes
        self.range = range
        self.placement = placement
    }

    /// Content decoded from the file: its raw text starts at `fileOffset`.
    init(embedded text: String, at fileOffset: Int) {
        let bytes = Array(text.utf8)
        self.init(bytes: bytes, range: 0..<bytes.count, placement: .searchFrom(fileOffset))
    }

    /// A buffer for a part of this one (a word's value, a heredoc body) whose raw text starts at
    /// `localOffset` of this buffer.
    func nested(_ text: String, atLocal localOffset: Int) -> ScanBuffer {
        let bytes = Array(text.utf8)
        switch placement {
        case .exact:
            return ScanBuffer(bytes: bytes, range: 0..<bytes.count, placement: .searchFrom(localOffset))
        case .searchFrom(let base):
            return ScanBuffer(bytes: bytes, range: 0..<bytes.count, placement: .searchFrom(base + localOffset))
        case .fixed(let offset):
            return ScanBuffer(bytes: bytes, range: 0..<bytes.count, placement: .fixed(offset))
        }
    }

    /// A sub-range of these same bytes.
    func slice(_ subrange: Range<Int>) -> ScanBuffer {
        ScanBuffer(bytes: bytes, range: subrange, placement: placement)
    }

    /// An empty buffer with this one's placement read as a search: for words whose offsets come
    /// from elsewhere (YAML marks, JSON strings) and are only lower bounds of the key's position.
    func searching() -> ScanBuffer {
        switch placement {
        case .exact: return ScanBuffer(bytes: [], range: 0..<0, placement: .searchFrom(0))
        case .searchFrom, .fixed: return ScanBuffer(bytes: [], range: 0..<0, placement: placement)
        }
    }

    func text(_ subrange: Range<Int>) -> String {
        String(decoding: bytes[subrange], as: UTF8.self)
    }
}
