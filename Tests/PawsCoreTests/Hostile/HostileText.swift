/// Hostile strings for property tests: what an inventory, a file name or a remote host could hand
/// pawsguard to break out of a shell word, a line, a framing boundary or a C string.
///
/// Seeded, so a failure repeats: the failing case's seed and index are in the assertion message.
struct HostileText {
    /// SplitMix64: tiny, seedable, good enough to pick fragments.
    struct Generator: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Where an injected command would leave its trace: `$(touch MARKER)` and friends name this path.
    let marker: String
    private var generator: Generator

    init(seed: UInt64, marker: String) {
        self.marker = marker
        generator = Generator(seed: seed)
    }

    /// Pieces that mean something to `sh`, to line-based framing, to C or to Unicode processing.
    var fragments: [String] {
        [
            " ", "  ", "\t", "'", "''", "\"", "\\", "\\'", "'\\''", "$", "$(", ")", "`", ";", "&", "&&", "|", "||",
            ">", ">>", "<", "*", "?", "[a]", "~", "#", "!", "-", "--", "-rf", "=", "%s", "%n", "%%", "{", "}", "${IFS}",
            "$HOME", "$0", "$@", "\\n",
            "$(touch \(marker))", "`touch \(marker)`", "; touch \(marker)", "' ; touch \(marker) ; '",
            "\"; touch \(marker); \"", "&& touch \(marker) #", "| touch \(marker)", "\ntouch \(marker)\n",
            "$(printf x)", "${PATH}",
            "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1B}[31m", "\u{7F}", "\0",
            "é", "e\u{301}", "'\u{301}", "\"\u{301}", "\\\u{301}", "\u{301}", "🐾", "👨‍👩‍👧", "\u{202E}", "\u{200B}", "\u{FEFF}",
            "\u{2028}", "\u{0085}", "日本", "\u{FFFD}",
            "PGB", "PGB0123456789abcdef0123456789abcdef probe 1",
            "/etc/sysctl.conf", "../", "/dev/null",
            "net.ipv4.tcp_tw_recycle", "a", "b", "0", "1",
        ]
    }

    /// A string of 1 to 12 fragments, now and then padded to a long run.
    mutating func next(allowNUL: Bool = true, maximumLength: Int = 4096) -> String {
        let pieces = fragments.filter { allowNUL || !$0.contains("\0") }
        var text = ""
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            text += pieces.randomElement(using: &generator) ?? "'"
        }
        if Int.random(in: 0..<16, using: &generator) == 0 {
            let filler = pieces.randomElement(using: &generator) ?? "a"
            while text.utf8.count + filler.utf8.count <= maximumLength { text += filler }
        }
        return text
    }

    /// One of `options`, from the same seeded sequence.
    mutating func choose(_ options: [String]) -> String {
        options.randomElement(using: &generator) ?? ""
    }

    /// `count` strings; the first ones are the cases that broke quoting before.
    mutating func batch(_ count: Int, allowNUL: Bool = true, maximumLength: Int = 4096) -> [String] {
        let known = [
            "it's", "'", "''", "'\u{301}; touch \(marker) #", "x'\u{301}$(touch \(marker))'", "a\\'b", "$(touch \(marker))",
        ]
        return known + (0..<max(0, count - known.count)).map { _ in next(allowNUL: allowNUL, maximumLength: maximumLength) }
    }
}
