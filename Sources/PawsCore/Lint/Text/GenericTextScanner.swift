/// Reads any text line by line for sysctl assignments, whatever the syntax around them:
///
/// - a whole line that is a sysctl line, after YAML decoration (`- `, `line: `, quotes);
/// - a key followed by `:`, `=`, `=>` and a value: `net.ipv4.tcp_tw_recycle: 1`,
///   `"net.ipv4.tcp_tw_recycle" = "1"`, `'net.ipv4.tcp_tw_recycle' => '1'`, `[net.ipv4...]=1`;
/// - a key followed by `:` and nothing, with a `value:` in the indented lines below (hiera, Salt);
/// - a key that is the value of a `name`/`key` field, with a `value` field on the same line or on
///   the lines of the same item (`- name: k` / `value: "1"`, `name = "k"` / `value = "1"`);
/// - shell commands on the line (`sysctl -w`, writes to /proc/sys).
///
/// Comment lines (`#`, `//`, `;`) and trailing comments (`#` or `//` after a blank, outside quotes)
/// are not read. It is the fallback for YAML that does not parse and the reader for unknown text.
struct GenericTextScanner {
    let session: ExtractionSession
    /// The form of whole-line sysctl assignments: `sysctlLine`, or `writtenLine` inside heredocs.
    var lineForm: AssignmentForm = .sysctlLine

    private static let nameFields: Set<String> = ["name", "key", "sysctl_name", "sysctl_key", "param", "parameter", "variable"]
    private static let valueFields: Set<String> = ["value", "val", "sysctl_value"]
    private static let lookaround = 10

    func scan(_ buffer: ScanBuffer) {
        let bytes = buffer.bytes
        guard session.watched.mentioned(in: bytes, range: buffer.range) else { return }
        let tokens = session.watched.keyTokens(in: bytes, range: buffer.range)
        guard !tokens.isEmpty else { return }
        let table = LineTable(bytes, range: buffer.range)
        var tokenIndex = 0
        while tokenIndex < tokens.count {
            let lineIndex = table.index(of: tokens[tokenIndex].range.lowerBound)
            var lineTokens: [KeyToken] = []
            while tokenIndex < tokens.count, table.index(of: tokens[tokenIndex].range.lowerBound) == lineIndex {
                lineTokens.append(tokens[tokenIndex])
                tokenIndex += 1
            }
            scanLine(lineIndex, tokens: lineTokens, table: table, buffer: buffer)
        }
    }

    private func scanLine(_ lineIndex: Int, tokens: [KeyToken], table: LineTable, buffer: ScanBuffer) {
        let bytes = buffer.bytes
        let line = table.lines[lineIndex]
        let comment = TextLine.commentStart(bytes, line)
        guard comment > TextLine.firstNonBlank(bytes, line) else { return }
        let effective = line.lowerBound..<comment
        let active = tokens.filter { $0.range.upperBound <= comment }
        guard !active.isEmpty else { return }
        let payload = TextLine.strippingDecoration(bytes, effective, watched: session.watched)
        if let match = session.lineRecogniser.match(bytes, line: payload) {
            session.emit(key: match.key, keyText: match.keyText, atLocal: match.keyOffset, in: buffer, rawValue: match.value, form: lineForm)
        }
        for token in active {
            keyedValue(token, lineIndex: lineIndex, line: effective, table: table, buffer: buffer)
        }
        session.nested { ShellScanner(session: session).scan(buffer.slice(payload)) }
    }

    // MARK: - key: value

    private func keyedValue(_ token: KeyToken, lineIndex: Int, line: Range<Int>, table: LineTable, buffer: ScanBuffer) {
        let bytes = buffer.bytes
        var position = token.range.upperBound
        for _ in 0..<2 where position < line.upperBound
            && [ASCII.doubleQuote, ASCII.singleQuote, ASCII.closeBracket].contains(bytes[position])
        {
            position += 1
        }
        position = TextLine.skipBlanks(bytes, from: position, before: line.upperBound)
        guard let separatorEnd = TextLine.separatorEnd(bytes, at: position, before: line.upperBound) else {
            nameField(token, lineIndex: lineIndex, line: line, table: table, buffer: buffer)
            return
        }
        let valueStart = TextLine.skipBlanks(bytes, from: separatorEnd, before: line.upperBound)
        if Self.readsLikeProse(bytes, token: token, separator: position, valueStart: valueStart, line: line) { return }
        if valueStart >= line.upperBound {
            if bytes[position] == ASCII.colon, let field = blockValue(below: lineIndex, table: table, bytes: bytes) {
                emit(token, field, form: .keyValueMap, buffer: buffer)
            }
            return
        }
        if let field = TextLine.valueField(bytes, in: valueStart..<line.upperBound, fields: Self.valueFields, anywhere: false)
            ?? inlineMappingValue(bytes, valueStart..<line.upperBound)
        {
            emit(token, field, form: .keyValueMap, buffer: buffer)
            return
        }
        let stopAtBlank = bytes[position] == ASCII.equals && bytes[separatorEnd - 1] == ASCII.equals
        let value = TextLine.valueToken(bytes, at: valueStart, before: line.upperBound, stopAtBlank: stopAtBlank)
        guard !value.value.isEmpty, !TextLine.opensBlock(value.value) else { return }
        emit(token, value, form: .keyValueMap, buffer: buffer)
    }

    /// A sentence about the setting, not the setting: a plain word before the key and blanks around
    /// the separator (`Complain when net.ipv4.tcp_tw_recycle = 1`), or `key=value` right after a
    /// word of letters (`sets net.ipv4.tcp_tw_recycle=1 (...)`, `A server with ...=1 and`). Options
    /// (`-w`), paths and `sysctl` itself before the key keep it an assignment.
    private static func readsLikeProse(_ bytes: [UInt8], token: KeyToken, separator: Int, valueStart: Int, line: Range<Int>) -> Bool {
        var before = token.range.lowerBound
        while before > line.lowerBound, ASCII.isBlank(bytes[before - 1]) { before -= 1 }
        guard before > line.lowerBound, before < token.range.lowerBound, ASCII.isIdentifier(bytes[before - 1]) else { return false }
        if separator > token.range.upperBound || valueStart > separator + 1 { return true }
        var wordStart = before
        while wordStart > line.lowerBound, !ASCII.isBlank(bytes[wordStart - 1]) { wordStart -= 1 }
        // An opening quote or bracket before the word (`"set k=0 on the server."`) is not part of it.
        let word = bytes[wordStart..<before].drop { !ASCII.isIdentifier($0) && $0 != ASCII.dash && $0 != ASCII.slash }
        return !word.isEmpty && word.allSatisfy(ASCII.isLetter) && !word.elementsEqual("sysctl".utf8)
    }

    /// `k: { value: 1 }`.
    private func inlineMappingValue(_ bytes: [UInt8], _ range: Range<Int>) -> TextLine.Field? {
        guard bytes[range.lowerBound] == ASCII.openBrace else { return nil }
        return TextLine.valueField(bytes, in: range, fields: Self.valueFields, anywhere: true)
    }

    /// `k:` followed by more indented lines, one of which is `value: v` (or `- value: v`).
    private func blockValue(below lineIndex: Int, table: LineTable, bytes: [UInt8]) -> TextLine.Field? {
        let keyIndent = TextLine.firstNonBlank(bytes, table.lines[lineIndex]) - table.lines[lineIndex].lowerBound
        for index in (lineIndex + 1)..<min(table.lines.count, lineIndex + 1 + Self.lookaround) {
            let line = table.lines[index]
            let first = TextLine.firstNonBlank(bytes, line)
            if first >= line.upperBound || TextLine.commentStart(bytes, line) <= first { continue }
            if first - line.lowerBound <= keyIndent { return nil }
            let fieldStart = TextLine.skipListMarkers(bytes, from: first, before: line.upperBound)
            let content = fieldStart..<TextLine.commentStart(bytes, line)
            if let field = TextLine.valueField(bytes, in: content, fields: Self.valueFields, anywhere: false) { return field }
        }
        return nil
    }

    // MARK: - name: k / value: v

    private func nameField(_ token: KeyToken, lineIndex: Int, line: Range<Int>, table: LineTable, buffer: ScanBuffer) {
        let bytes = buffer.bytes
        guard let nameColumn = TextLine.nameFieldStart(bytes, before: token.range.lowerBound, line: line, fields: Self.nameFields) else {
            return
        }
        let afterToken = min(token.range.upperBound + 1, line.upperBound)..<line.upperBound
        if let field = TextLine.valueField(bytes, in: afterToken, fields: Self.valueFields, anywhere: true) {
            emit(token, field, form: .nameValuePair, buffer: buffer)
            return
        }
        let column = nameColumn - line.lowerBound
        let below = (lineIndex + 1)..<min(table.lines.count, lineIndex + 1 + Self.lookaround)
        let above = stride(from: lineIndex - 1, through: max(0, lineIndex - Self.lookaround), by: -1)
        for candidates in [Array(below), Array(above)] {
            if let field = siblingValue(candidates, column: column, table: table, bytes: bytes) {
                emit(token, field, form: .nameValuePair, buffer: buffer)
                return
            }
        }
    }

    /// The `value` field among the lines of the same item: same field column, no other `name`.
    private func siblingValue(_ indices: [Int], column: Int, table: LineTable, bytes: [UInt8]) -> TextLine.Field? {
        for index in indices where index >= 0 {
            let line = table.lines[index]
            let first = TextLine.firstNonBlank(bytes, line)
            let comment = TextLine.commentStart(bytes, line)
            if first >= line.upperBound || comment <= first { continue }
            let fieldStart = TextLine.skipListMarkers(bytes, from: first, before: line.upperBound)
            if fieldStart - line.lowerBound < column { return nil }
            let content = fieldStart..<comment
            if TextLine.startsWithField(bytes, in: content, fields: Self.nameFields) { return nil }
            if fieldStart - line.lowerBound == column,
                let field = TextLine.valueField(bytes, in: content, fields: Self.valueFields, anywhere: false)
            {
                return field
            }
        }
        return nil
    }

    private func emit(_ token: KeyToken, _ field: TextLine.Field, form: AssignmentForm, buffer: ScanBuffer) {
        session.emit(
            key: token.key, keyText: token.text, atLocal: token.range.lowerBound, in: buffer, rawValue: field.value,
            form: form, valueAtLocal: field.offset)
    }
}
