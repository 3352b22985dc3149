/// Recognises a sysctl configuration line written somewhere else: in a heredoc, an `echo`, a YAML
/// `content: |` block, an Ansible `line:`. The whole line must be `[-]key = value` (blanks around
/// `=` optional); comment lines (`#`, `;`) and anything else are not assignments.
struct SysctlLineRecogniser {
    let watched: WatchedKeys

    struct Match {
        let key: SysctlKey
        let keyText: String
        /// Offset of the key in the bytes examined.
        let keyOffset: Int
        let value: String
        let valueOffset: Int
    }

    func match(_ bytes: [UInt8], line: Range<Int>) -> Match? {
        var start = line.lowerBound
        var end = line.upperBound
        while start < end, ASCII.isSpace(bytes[start]) { start += 1 }
        while end > start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end, bytes[start] != ASCII.hash, bytes[start] != ASCII.semicolon else { return nil }
        if bytes[start] == ASCII.dash { start += 1 }
        guard let equals = bytes[start..<end].firstIndex(of: ASCII.equals) else { return nil }
        if equals + 1 < end, bytes[equals + 1] == ASCII.equals || bytes[equals + 1] == ASCII.tilde { return nil }
        var keyEnd = equals
        while keyEnd > start, ASCII.isBlank(bytes[keyEnd - 1]) { keyEnd -= 1 }
        while start < keyEnd, ASCII.isBlank(bytes[start]) { start += 1 }
        guard start < keyEnd, bytes[start..<keyEnd].allSatisfy(ASCII.isKeyByte) else { return nil }
        let keyText = String(decoding: bytes[start..<keyEnd], as: UTF8.self)
        guard let key = watched.key(named: keyText) else { return nil }
        var valueStart = equals + 1
        while valueStart < end, ASCII.isBlank(bytes[valueStart]) { valueStart += 1 }
        let value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
        return Match(key: key, keyText: keyText, keyOffset: start, value: value, valueOffset: valueStart)
    }

    func match(_ text: String) -> Match? {
        let bytes = Array(text.utf8)
        return match(bytes, line: 0..<bytes.count)
    }
}
