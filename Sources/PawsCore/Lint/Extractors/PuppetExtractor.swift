/// Puppet manifests: `sysctl { 'net.ipv4.tcp_tw_recycle': value => '1' }` and defined types
/// such as `sysctl::value { ...: value => ... }` (the key is the `name` attribute or the title),
/// hash entries (`'net.ipv4.tcp_tw_recycle' => '1'`, `=> { value => 1 }`), Augeas changes
/// (`set net.ipv4.tcp_tw_recycle 1`), and strings and heredocs read as embedded text (`exec`
/// commands, `file` contents, `file_line` lines). Comments (`#`, `/* */`) are not read.
struct PuppetExtractor: SysctlAssignmentExtractor {
    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        let tokens = CodeTokenizer(bytes: buffer.bytes, range: buffer.range, syntax: .puppet).tokens()
        var index = 0
        while index < tokens.count {
            if case .word(let type, _) = tokens[index], Self.isSysctlType(type), index + 1 < tokens.count,
                tokens[index + 1].symbol == "{"
            {
                resourceBodies(tokens, from: index + 2, buffer: buffer, session: session)
            }
            if tokens[index].symbol == "=>", index > 0, let keyText = tokens[index - 1].text,
                let key = session.watched.key(named: keyText), index + 1 < tokens.count
            {
                hashEntry(key: key, keyToken: tokens[index - 1], keyText: keyText, tokens: tokens, valueIndex: index + 1, buffer: buffer, session: session)
            }
            switch tokens[index] {
            case .string(let value, let raw) where session.watched.mentioned(in: value):
                let nested = buffer.nested(value, atLocal: raw.lowerBound)
                augeasChanges(nested, session: session)
                EmbeddedTextExtractor().extract(from: nested, session: session)
            case .heredoc(let body):
                EmbeddedTextExtractor().extract(from: buffer.slice(body), session: session)
            default:
                break
            }
            index += 1
        }
    }

    static func isSysctlType(_ type: String) -> Bool {
        let name = type.lowercased().drop { $0 == ":" }
        return name == "sysctl" || name.hasPrefix("sysctl::") || name.hasSuffix("::sysctl")
    }

    /// `title: attr => value, ...;` repeated up to the closing brace.
    private func resourceBodies(_ tokens: [CodeToken], from start: Int, buffer: ScanBuffer, session: ExtractionSession) {
        var index = start
        while index < tokens.count, tokens[index].symbol != "}" {
            let title = tokens[index]
            guard index + 1 < tokens.count, tokens[index + 1].symbol == ":" else { return }
            index += 2
            var attributes: [String: CodeToken] = [:]
            var depth = 0
            while index < tokens.count {
                let token = tokens[index]
                if depth == 0, token.symbol == ";" || token.symbol == "}" { break }
                if token.symbol == "{" || token.symbol == "[" { depth += 1 }
                if token.symbol == "}" || token.symbol == "]" { depth -= 1 }
                if depth == 0, token.symbol == "=>", index > 0, index + 1 < tokens.count, let name = tokens[index - 1].text {
                    attributes[name] = tokens[index + 1]
                }
                index += 1
            }
            let nameToken = attributes["name"] ?? title
            if let keyText = nameToken.text, let key = session.watched.key(named: keyText),
                let value = attributes["value"] ?? attributes["val"], let written = Self.writtenValue(value)
            {
                session.emit(
                    key: key, keyText: keyText, atLocal: nameToken.range.lowerBound, in: buffer.searching(), rawValue: written,
                    form: .puppetResource, valueAtLocal: value.range.lowerBound)
            }
            if index < tokens.count, tokens[index].symbol == ";" { index += 1 }
        }
    }

    /// `'key' => '1'` or `'key' => { value => '1' }`.
    private func hashEntry(
        key: SysctlKey, keyToken: CodeToken, keyText: String, tokens: [CodeToken], valueIndex: Int, buffer: ScanBuffer,
        session: ExtractionSession
    ) {
        var value = tokens[valueIndex]
        if value.symbol == "{" {
            var index = valueIndex + 1
            var found: CodeToken?
            while index + 2 < tokens.count, tokens[index].symbol != "}" {
                if let name = tokens[index].text, name == "value" || name == "val", tokens[index + 1].symbol == "=>" {
                    found = tokens[index + 2]
                    break
                }
                index += 1
            }
            guard let found else { return }
            value = found
        }
        guard let written = Self.writtenValue(value) else { return }
        session.emit(
            key: key, keyText: keyText, atLocal: keyToken.range.lowerBound, in: buffer.searching(), rawValue: written,
            form: .keyValueMap, valueAtLocal: value.range.lowerBound)
    }

    /// `set net.ipv4.tcp_tw_recycle 1`, `set /files/etc/sysctl.conf/net.ipv4.tcp_tw_recycle 1`.
    private func augeasChanges(_ text: ScanBuffer, session: ExtractionSession) {
        let table = LineTable(text.bytes, range: text.range)
        for line in table.lines {
            let words = text.text(line).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 3, words[0] == "set" else { continue }
            var keyText = String(words[1])
            if keyText.hasPrefix("/files/") {
                let parts = keyText.split(separator: "/")
                if let file = parts.lastIndex(where: { $0.hasSuffix(".conf") }) { keyText = parts[(file + 1)...].joined(separator: "/") }
            }
            guard let key = session.watched.key(named: keyText) else { continue }
            let value = words[2...].joined(separator: " ")
            session.emit(
                key: key, keyText: keyText, atLocal: line.lowerBound, in: text, rawValue: value, form: .augeasChange)
        }
    }

    /// A literal value as written; nil for expressions and nested structures.
    static func writtenValue(_ token: CodeToken) -> String? {
        switch token {
        case .string(let value, _): return "'\(value)'"
        case .word(let word, _): return word
        case .heredoc, .symbol: return nil
        }
    }
}
