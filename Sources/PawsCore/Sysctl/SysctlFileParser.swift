/// Reads the line syntax that procps `sysctl` and `systemd-sysctl` share:
///
/// - blanks around the line, the key and the value are ignored (`isspace()`); blanks inside a
///   value are kept (`kernel.core_pattern = |/usr/bin/x %p`);
/// - a line whose first non-blank character is `#` or `;` is a comment;
/// - `key = value` splits at the first `=`, so a value may contain `=`;
/// - `-key = value` sets the key but ignores a failure to write it;
/// - `-key` without `=` excludes the key (or a pattern) from glob lines;
/// - any other line is skipped with a diagnostic, never fatal;
/// - LF and CRLF line ends are both accepted; bytes that are not UTF-8 are decoded with
///   replacement characters while all byte offsets stay exact.
///
/// Parsing never fails: every problem becomes a `SysctlDiagnostic` with its `path:line`.
public enum SysctlFileParser {
    public static func parse(_ bytes: [UInt8], path: String) -> SysctlFile {
        var lines: [SysctlLineSpan] = []
        var entries: [SysctlEntry] = []
        var diagnostics: [SysctlDiagnostic] = []

        for span in splitLines(bytes) {
            lines.append(span)
            let location = SourceLocation(path: path, line: span.line)
            var line = LineParse(bytes: bytes, span: span, location: location)
            if let entry = line.parse() { entries.append(entry) }
            diagnostics += line.diagnostics
        }

        return SysctlFile(
            path: path, bytes: bytes, lines: lines, entries: entries, diagnostics: diagnostics,
            lineEnding: lineEndingStyle(of: lines), hasTrailingNewline: bytes.last == SysctlByte.lineFeed)
    }

    static func splitLines(_ bytes: [UInt8]) -> [SysctlLineSpan] {
        var spans: [SysctlLineSpan] = []
        var start = 0
        var number = 1
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: SysctlByte.lineFeed) else {
                spans.append(SysctlLineSpan(line: number, content: start..<bytes.count, terminator: .none))
                break
            }
            if newline > start && bytes[newline - 1] == SysctlByte.carriageReturn {
                spans.append(SysctlLineSpan(line: number, content: start..<(newline - 1), terminator: .crlf))
            } else {
                spans.append(SysctlLineSpan(line: number, content: start..<newline, terminator: .lf))
            }
            start = newline + 1
            number += 1
        }
        return spans
    }

    private static func lineEndingStyle(of lines: [SysctlLineSpan]) -> SysctlFile.LineEndingStyle {
        let hasLF = lines.contains { $0.terminator == .lf }
        let hasCRLF = lines.contains { $0.terminator == .crlf }
        switch (hasLF, hasCRLF) {
        case (true, true): return .mixed
        case (true, false): return .lf
        case (false, true): return .crlf
        case (false, false): return .none
        }
    }
}

enum SysctlByte {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let equals: UInt8 = 0x3D
    static let dash: UInt8 = 0x2D
    static let hash: UInt8 = 0x23
    static let semicolon: UInt8 = 0x3B
    static let nul: UInt8 = 0x00

    /// C `isspace()` in the C locale, which procps uses: space, \t, \n, \v, \f, \r.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

/// The parse of one line: the entry it yields, if any, and its diagnostics.
private struct LineParse {
    let bytes: [UInt8]
    let span: SysctlLineSpan
    let location: SourceLocation
    var diagnostics: [SysctlDiagnostic] = []

    init(bytes: [UInt8], span: SysctlLineSpan, location: SourceLocation) {
        self.bytes = bytes
        self.span = span
        self.location = location
    }

    mutating func parse() -> SysctlEntry? {
        var content = span.content
        if let nul = bytes[content].firstIndex(of: SysctlByte.nul) {
            content = content.lowerBound..<nul
            diagnostics.append(SysctlDiagnostic(location: location, kind: .nulByte))
        }
        let line = trimmed(content)
        guard let first = line.first.map({ bytes[$0] }), first != SysctlByte.hash, first != SysctlByte.semicolon else {
            return nil
        }
        if bytes[line].contains(SysctlByte.carriageReturn) {
            diagnostics.append(SysctlDiagnostic(location: location, kind: .bareCarriageReturn))
        }
        if !isValidUTF8(line) {
            diagnostics.append(SysctlDiagnostic(location: location, kind: .invalidUTF8))
        }

        let equals = bytes[line].firstIndex(of: SysctlByte.equals)
        let hasDash = first == SysctlByte.dash
        guard equals != nil || hasDash else {
            diagnostics.append(SysctlDiagnostic(location: location, kind: .notAnAssignment(text: text(line))))
            return nil
        }

        let keyEnd = equals ?? line.upperBound
        let keyStart = hasDash ? line.lowerBound + 1 : line.lowerBound
        let keyRange = trimmed(keyStart..<keyEnd)
        let rawKey = text(keyRange)
        guard let key = SysctlKey(rawKey) else {
            diagnostics.append(SysctlDiagnostic(location: location, kind: .emptyKey))
            return nil
        }

        var procpsKey = key
        if hasDash && keyRange.lowerBound > keyStart {
            diagnostics.append(SysctlDiagnostic(location: location, kind: .blankAfterDash(key: rawKey)))
            // procps lstrips the line, skips the `-`, and then only rstrips the key.
            procpsKey = SysctlKey(text(keyStart..<keyRange.upperBound)) ?? key
        }

        let action: SysctlEntry.Action
        let valueRange: Range<Int>?
        if let equals {
            let value = trimmed((equals + 1)..<line.upperBound)
            action = .assign(value: text(value))
            valueRange = value
        } else {
            action = .excludeFromGlobs
            valueRange = nil
        }
        return SysctlEntry(
            key: key, rawKey: rawKey, procpsKey: procpsKey, action: action,
            ignoreFailure: hasDash && equals != nil, location: location, span: span,
            keyRange: keyRange, valueRange: valueRange)
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, SysctlByte.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, SysctlByte.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func isValidUTF8(_ range: Range<Int>) -> Bool {
        text(range).utf8.elementsEqual(bytes[range])
    }
}
