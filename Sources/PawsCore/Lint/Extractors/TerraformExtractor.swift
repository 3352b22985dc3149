/// Terraform, Packer and other HCL: `user_data`/`custom_data`/`inline` strings and heredocs (read as
/// embedded text: shell code, sysctl lines, or YAML when they start with `#cloud-config`), map
/// entries named by a sysctl key (`"net.ipv4.tcp_tw_recycle" = "1"`), and `sysctl { name = ...
/// value = ... }` blocks as the Kubernetes provider writes them. Comments (`#`, `//`, `/* */`) are
/// not read.
struct TerraformExtractor: SysctlAssignmentExtractor {
    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        let tokens = CodeTokenizer(bytes: buffer.bytes, range: buffer.range, syntax: .hcl).tokens()
        var blocks: [[String: (name: CodeToken, value: CodeToken)]] = [[:]]
        var attributeKeys: Set<Int> = []
        for (index, token) in tokens.enumerated() {
            switch token {
            case .symbol("{", _), .symbol("[", _), .symbol("(", _):
                blocks.append([:])
            case .symbol("}", _), .symbol("]", _), .symbol(")", _):
                if blocks.count > 1, let block = blocks.popLast() { nameValueBlock(block, buffer: buffer, session: session) }
            case .symbol("=", _), .symbol(":", _):
                guard index > 0, index + 1 < tokens.count, let name = tokens[index - 1].text else { continue }
                attributeKeys.insert(index - 1)
                let value = tokens[index + 1]
                blocks[blocks.count - 1][name] = (tokens[index - 1], value)
                if let key = session.watched.key(named: name), let written = Self.writtenValue(value, buffer: buffer) {
                    session.emit(
                        key: key, keyText: name, atLocal: tokens[index - 1].range.lowerBound, in: buffer.searching(), rawValue: written,
                        form: .keyValueMap, valueAtLocal: value.range.lowerBound)
                }
            default:
                break
            }
        }
        for (index, token) in tokens.enumerated() where !attributeKeys.contains(index) {
            switch token {
            case .string(let value, let raw):
                guard session.watched.mentioned(in: value) else { continue }
                EmbeddedTextExtractor().extract(from: buffer.nested(value, atLocal: raw.lowerBound), session: session)
            case .heredoc(let body):
                EmbeddedTextExtractor().extract(from: buffer.slice(body), session: session)
            default:
                continue
            }
        }
    }

    /// `sysctl { name = "net.ipv4.tcp_tw_recycle" value = "1" }`.
    private func nameValueBlock(_ block: [String: (name: CodeToken, value: CodeToken)], buffer: ScanBuffer, session: ExtractionSession) {
        guard let name = block["name"], let keyText = name.value.text, let key = session.watched.key(named: keyText),
            let value = block["value"], let written = Self.writtenValue(value.value, buffer: buffer)
        else { return }
        session.emit(
            key: key, keyText: keyText, atLocal: name.value.range.lowerBound, in: buffer.searching(), rawValue: written,
            form: .terraformBlock, valueAtLocal: value.value.range.lowerBound)
    }

    /// A literal value as written (strings keep their quotes); nil for expressions and blocks.
    static func writtenValue(_ token: CodeToken, buffer: ScanBuffer) -> String? {
        switch token {
        case .string(let value, _): return "\"\(value)\""
        case .word(let word, _): return word.contains(".") && Double(word) == nil ? "${\(word)}" : word
        case .heredoc, .symbol: return nil
        }
    }
}
