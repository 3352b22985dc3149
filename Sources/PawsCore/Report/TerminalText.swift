/// Text measured and laid out in terminal columns, as a monospace terminal displays it:
/// East Asian wide characters and emoji take two columns, combining marks none.
///
/// Values from hosts (names, file paths, config values) can hold escape sequences or newlines that
/// would repaint or break a terminal; `sanitized` makes every such character visible as text.
enum TerminalText {
    /// Control characters (C0, C1, DEL) and bidirectional overrides become visible escapes
    /// (`\n`, `\t`, `\u{1B}`, `\u{202E}`), so a hostile value cannot move the cursor, set colours or
    /// reorder what the table shows.
    static func sanitized(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control || isBidirectionalControl(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Columns `text` occupies; expects sanitized text.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + displayWidth(of: $1) }
    }

    static func displayWidth(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.isEmojiPresentation || scalars.contains("\u{FE0F}") { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return isWide(first) ? 2 : 1
        }
    }

    /// `text` followed by spaces up to `width` columns (never cut).
    static func padded(_ text: String, to width: Int) -> String {
        let missing = width - displayWidth(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        guard width > 1 else { return String(repeating: "…", count: max(width, 0)) }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = displayWidth(of: character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// Greedy word wrap to lines of at most `width` columns; a word wider than a line is split.
    static func wrapped(_ text: String, width: Int) -> [String] {
        let lineWidth = max(width, 10)
        var lines: [String] = []
        var line = ""
        var lineUsed = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var remaining = String(word)
            var wordWidth = displayWidth(remaining)
            if lineUsed > 0 && lineUsed + 1 + wordWidth <= lineWidth {
                line += " " + remaining
                lineUsed += 1 + wordWidth
                continue
            }
            if lineUsed > 0 {
                lines.append(line)
                line = ""
                lineUsed = 0
            }
            if wordWidth > lineWidth {
                // Cut in one pass: measuring the rest again after every cut is quadratic, and a
                // config value from a host can be a megabyte long.
                var piece = ""
                var pieceUsed = 0
                for character in remaining {
                    let characterWidth = displayWidth(of: character)
                    if pieceUsed + characterWidth > lineWidth && pieceUsed > 0 {
                        lines.append(piece)
                        piece = ""
                        pieceUsed = 0
                    }
                    piece.append(character)
                    pieceUsed += characterWidth
                }
                remaining = piece
                wordWidth = pieceUsed
            }
            line = remaining
            lineUsed = wordWidth
        }
        if lineUsed > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth blocks (UAX #11) that terminals draw two columns wide.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
