/// Tokens of the brace languages lint reads (HCL, Puppet): enough to see `key = value`,
/// `key => value`, blocks, strings and heredocs, with comments gone.
enum CodeToken {
    /// An identifier, number or bareword (`sysctl::value`, `present`, `var.x`, `$x`).
    case word(String, Range<Int>)
    /// A quoted string, escapes decoded, interpolations kept as written.
    case string(String, Range<Int>)
    /// A heredoc's raw body.
    case heredoc(Range<Int>)
    /// `{` `}` `[` `]` `(` `)` `,` `;` `:` `=` `=>` `==` and other operators.
    case symbol(String, Range<Int>)

    var range: Range<Int> {
        switch self {
        case .word(_, let range), .string(_, let range), .heredoc(let range), .symbol(_, let range): return range
        }
    }

    var symbol: String? {
        if case .symbol(let text, _) = self { return text }
        return nil
    }

    /// The text of a word or string.
    var text: String? {
        switch self {
        case .word(let text, _), .string(let text, _): return text
        case .heredoc, .symbol: return nil
        }
    }
}
