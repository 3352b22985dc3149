/// The sysctl keys the active rules look at, and how to recognise them in text in any spelling:
/// `net.ipv4.tcp_tw_recycle`, `net/ipv4/tcp_tw_recycle`, `/proc/sys/net/ipv4/tcp_tw_recycle`.
struct WatchedKeys: Sendable {
    let keys: Set<SysctlKey>
    /// The last component of every key in both spellings: every mention of a key contains one.
    let fragments: [BytePattern]

    init(_ keys: Set<SysctlKey>) {
        self.keys = keys
        var fragments: Set<[UInt8]> = []
        for key in keys {
            guard let last = key.components.last else { continue }
            fragments.insert(Array(last.utf8))
            // In the dotted spelling a literal `.` inside a component is written `/`.
            fragments.insert(Array(String(last.map { $0 == "." ? "/" : $0 }).utf8))
        }
        self.fragments = fragments.sorted { $0.lexicographicallyPrecedes($1) }.map(BytePattern.init)
    }

    /// The watched key a token names, with or without a `/proc/sys/` prefix.
    func key(named token: String) -> SysctlKey? {
        var text = Substring(token)
        for prefix in ["/proc/sys/", "proc/sys/"] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        guard !text.isEmpty, let key = SysctlKey(String(text)), keys.contains(key) else { return nil }
        return key
    }

    /// True when some fragment occurs in the bytes.
    func mentioned(in bytes: [UInt8], range: Range<Int>) -> Bool {
        fragments.contains { $0.firstOffset(in: bytes, from: range.lowerBound, before: range.upperBound) != nil }
    }

    func mentioned(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let buffer = UnsafeRawBufferPointer(utf8)
            return fragments.contains { $0.firstOffset(in: buffer) != nil }
        }
    }

    /// True when some fragment occurs on a line that is not a `#` comment line. A line whose first
    /// non-blank character is `#` is a comment in every syntax lint reads (sysctl, shell, YAML,
    /// Dockerfile, HCL, Puppet, cloud-init, the shell and sysctl text inside them), so a file whose
    /// every mention is on such lines cannot set a watched key.
    func mentionedOutsideCommentLines(in bytes: [UInt8]) -> Bool {
        for fragment in fragments {
            for hit in fragment.allOffsets(in: bytes, range: 0..<bytes.count) {
                var start = hit
                while start > 0, bytes[start - 1] != ASCII.lineFeed { start -= 1 }
                while start < hit, ASCII.isBlank(bytes[start]) { start += 1 }
                if bytes[start] != ASCII.hash { return true }
            }
        }
        return false
    }

    /// Every token in `range` that names a watched key, in order. A token is a maximal run of key
    /// bytes around a fragment; leading dashes (`-key = 1`, sysctl's "ignore failure") are dropped.
    func keyTokens(in bytes: [UInt8], range: Range<Int>) -> [KeyToken] {
        var tokens: [KeyToken] = []
        var seenStarts: Set<Int> = []
        for fragment in fragments {
            for hit in fragment.allOffsets(in: bytes, range: range) {
                var start = hit
                while start > range.lowerBound, ASCII.isKeyByte(bytes[start - 1]) { start -= 1 }
                var end = hit + fragment.needle.count
                while end < range.upperBound, ASCII.isKeyByte(bytes[end]) { end += 1 }
                while start < end, bytes[start] == ASCII.dash { start += 1 }
                // A sentence's full stop or a path's trailing slash is not part of the key.
                while end > start, bytes[end - 1] == ASCII.dot || bytes[end - 1] == ASCII.slash { end -= 1 }
                guard start < end, !seenStarts.contains(start) else { continue }
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                guard let key = key(named: text) else { continue }
                seenStarts.insert(start)
                tokens.append(KeyToken(range: start..<end, text: text, key: key))
            }
        }
        return tokens.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
