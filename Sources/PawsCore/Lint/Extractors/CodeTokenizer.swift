
struct CodeTokenizer {
    struct Syntax {
        /// `'...'` is a string (Puppet); in HCL it is not valid.
        var singleQuotedStrings: Bool
        /// `<<EOF` / `<<-EOF` (HCL) or `@(EOF)` ... `| EOF` (Puppet).
        var heredocStyle: HeredocStyle

        enum HeredocStyle { case hcl, puppet }

        static let hcl = Syntax(singleQuotedStrings: false, heredocStyle: .hcl)
        static let puppet = Syntax(singleQuotedStrings: true, heredocStyle: .puppet)
    }

    let bytes: [UInt8]
    let range: Range<Int>
    let syntax: Syntax

    private static let operatorBytes: Set<UInt8> = [ASCII.equals, ASCII.greater, ASCII.less, ASCII.exclamation, ASCII.tilde]

    func tokens() -> [CodeToken] {
        var tokens: [CodeToken] = []
        var pendingHeredocs: [(tag: [UInt8], token: Int)] = []
        var position = range.lowerBound
        let end = range.upperBound
        while position < end {
            let character = bytes[position]
            let next: UInt8? = position + 1 < end ? bytes[position + 1] : nil
            switch character {
            case ASCII.lineFeed:
                position += 1
                if !pendingHeredocs.isEmpty {
                    for pending in pendingHeredocs {
                        let (body, after) = puppetHeredocBody(from: position, tag: pending.tag)
                        tokens[pending.token] = .heredoc(body)
                        position = after
                    }
                    pendingHeredocs.removeAll()
                }
            case _ where ASCII.isSpace(character):
                position += 1
            case ASCII.hash:
                position = lineEnd(from: position)
            case ASCII.slash where next == ASCII.slash:
                position = lineEnd(from: position)
            case ASCII.slash where next == ASCII.asterisk:
                position = blockCommentEnd(from: position + 2)
            case ASCII.doubleQuote:
                let (value, after) = quoted(from: position + 1, quote: ASCII.doubleQuote)
                tokens.append(.string(value, position..<after))
                position = after
            case ASCII.singleQuote where syntax.singleQuotedStrings:
                let (value, after) = quoted(from: position + 1, quote: ASCII.singleQuote)
                tokens.append(.string(value, position..<after))
                position = after
            case ASCII.less where next == ASCII.less && syntax.heredocStyle == .hcl:
                if let (body, after) = hclHeredoc(at: position) {
                    tokens.append(.heredoc(body))
                    position = after
                } else {
                    tokens.append(.symbol("<<", position..<(position + 2)))
                    position += 2
                }
            case ASCII.at where next == ASCII.openParen && syntax.heredocStyle == .puppet:
                var close = position + 2
                while close < end, bytes[close] != ASCII.closeParen, bytes[close] != ASCII.lineFeed { close += 1 }
                let tag = Array(bytes[(position + 2)..<close].prefix { $0 != ASCII.colon && $0 != ASCII.slash })
                    .filter { $0 != ASCII.doubleQuote && !ASCII.isSpace($0) }
                pendingHeredocs.append((tag, tokens.count))
                tokens.append(.heredoc(close..<close))
                position = min(close + 1, end)
            case _ where Self.operatorBytes.contains(character):
                var stop = position + 1
                while stop < end, Self.operatorBytes.contains(bytes[stop]), stop - position < 3 { stop += 1 }
                tokens.append(.symbol(String(decoding: bytes[position..<stop], as: UTF8.self), position..<stop))
                position = stop
            case _ where isWordByte(character):
                var stop = position + 1
                while stop < end, isWordByte(bytes[stop]) || (bytes[stop] == ASCII.colon && stop + 1 < end && bytes[stop + 1] == ASCII.colon)
                    || (stop > position && bytes[stop - 1] == ASCII.colon && bytes[stop] == ASCII.colon)
                {
                    stop += 1
                }
                tokens.append(.word(String(decoding: bytes[position..<stop], as: UTF8.self), position..<stop))
                position = stop
            default:
                tokens.append(.symbol(String(decoding: [character], as: UTF8.self), position..<(position + 1)))
                position += 1
            }
        }
        return tokens
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        ASCII.isIdentifier(byte) || byte == ASCII.dash || byte == ASCII.dot || byte == ASCII.dollar || byte >= 0x80
    }

    private func lineEnd(from start: Int) -> Int {
        var position = start
        while position < range.upperBound, bytes[position] != ASCII.lineFeed { position += 1 }
        return position
    }

    private func blockCommentEnd(from start: Int) -> Int {
        var position = start
        while position + 1 < range.upperBound, !(bytes[position] == ASCII.asterisk && bytes[position + 1] == ASCII.slash) { position += 1 }
        return min(position + 2, range.upperBound)
    }

    /// After the opening quote: the decoded value and the offset after the closing quote.
    /// Interpolations (`${...}`, `%{...}`) are kept as written, nested quotes included.
    private func quoted(from start: Int, quote: UInt8) -> (String, Int) {
        var value: [UInt8] = []
        var position = start
        let end = range.upperBound
        while position < end, bytes[position] != quote, bytes[position] != ASCII.lineFeed || quote == ASCII.singleQuote {
            let character = bytes[position]
            if character == ASCII.backslash, position + 1 < end {
                let next = bytes[position + 1]
                if quote == ASCII.singleQuote {
                    value += next == ASCII.singleQuote || next == ASCII.backslash ? [next] : [character, next]
                } else {
                    switch next {
                    case UInt8(ascii: "n"): value.append(ASCII.lineFeed)
                    case UInt8(ascii: "t"): value.append(ASCII.tab)
                    case UInt8(ascii: "r"): break
                    default: value.append(next)
                    }
                }
                position += 2
            } else if quote == ASCII.doubleQuote, character == ASCII.dollar || character == ASCII.percent,
                position + 1 < end, bytes[position + 1] == ASCII.openBrace
            {
                let close = interpolationEnd(from: position + 1)
                value += bytes[position..<close]
                position = close
            } else {
                value.append(character)
                position += 1
            }
        }
        return (String(decoding: value, as: UTF8.self), min(position + 1, end))
    }

    private func interpolationEnd(from openBrace: Int) -> Int {
        var depth = 0
        var position = openBrace
        while position < range.upperBound {
            switch bytes[position] {
            case ASCII.openBrace: depth += 1
            case ASCII.closeBrace:
                depth -= 1
                if depth == 0 { return position + 1 }
            case ASCII.doubleQuote:
                position += 1
                while position < range.upperBound, bytes[position] != ASCII.doubleQuote {
                    if bytes[position] == ASCII.backslash { position += 1 }
                    position += 1
                }
            default: break
            }
            position += 1
        }
        return range.upperBound
    }

    /// `<<EOF` or `<<-EOF` at the end of a line: the body up to the line holding only `EOF`.
    private func hclHeredoc(at start: Int) -> (Range<Int>, Int)? {
        var position = start + 2
        if position < range.upperBound, bytes[position] == ASCII.dash { position += 1 }
        let tagStart = position
        while position < range.upperBound, ASCII.isIdentifier(bytes[position]) { position += 1 }
        guard position > tagStart else { return nil }
        let tag = Array(bytes[tagStart..<position])
        while position < range.upperBound, bytes[position] != ASCII.lineFeed {
            guard ASCII.isSpace(bytes[position]) else { return nil }
            position += 1
        }
        let bodyStart = min(position + 1, range.upperBound)
        var lineStart = bodyStart
        while lineStart < range.upperBound {
            let stop = lineEnd(from: lineStart)
            let content = TextLine.firstNonBlank(bytes, lineStart..<stop)
            var contentEnd = stop
            while contentEnd > content, ASCII.isSpace(bytes[contentEnd - 1]) { contentEnd -= 1 }
            if bytes[content..<contentEnd].elementsEqual(tag) { return (bodyStart..<lineStart, stop) }
            lineStart = stop + 1
        }
        return (bodyStart..<range.upperBound, range.upperBound)
    }

    /// A Puppet heredoc body from `start` up to the line `| TAG` / `|- TAG` / `TAG`.
    private func puppetHeredocBody(from start: Int, tag: [UInt8]) -> (Range<Int>, Int) {
        var lineStart = start
        while lineStart < range.upperBound {
            let stop = lineEnd(from: lineStart)
            var content = TextLine.firstNonBlank(bytes, lineStart..<stop)
            if content < stop, bytes[content] == ASCII.pipe { content = TextLine.skipBlanks(bytes, from: content + 1, before: stop) }
            if content < stop, bytes[content] == ASCII.dash { content = TextLine.skipBlanks(bytes, from: content + 1, before: stop) }
            var contentEnd = stop
            while contentEnd > content, ASCII.isSpace(bytes[contentEnd - 1]) { contentEnd -= 1 }
            if !tag.isEmpty, bytes[content..<contentEnd].elementsEqual(tag) { return (start..<lineStart, stop) }
            lineStart = stop + 1
        }
        return (start..<range.upperBound, range.upperBound)
    }
}
