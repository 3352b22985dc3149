/// Splits an INI host line into words the way Ansible does (Python `shlex.split(line, comments=True)`,
/// POSIX mode): whitespace separates words; single quotes keep everything; inside double quotes a
/// backslash escapes only `"` and `\`; outside quotes a backslash escapes any character; an unquoted
/// `#` ends the line, even in the middle of a word.
enum INIHostLineTokenizer {
    enum Failure: Error, Sendable, Hashable {
        case unterminatedQuote
        case danglingEscape
    }

    static func words(of line: String) throws(Failure) -> [String] {
        enum State { case between, word, singleQuoted, doubleQuoted }
        var words: [String] = []
        var current = ""
        var hasWord = false
        var state = State.between
        // Code points, as Python reads the line: a quote followed by a combining mark is still a quote.
        let characters = Array(line.unicodeScalars)
        var index = 0

        func finishWord() {
            if hasWord { words.append(current) }
            current = ""
            hasWord = false
        }

        scanning: while index < characters.count {
            let character = characters[index]
            index += 1
            switch state {
            case .between, .word:
                if character.properties.isWhitespace {
                    finishWord()
                    state = .between
                } else if character == "#" {
                    break scanning
                } else if character == "'" {
                    state = .singleQuoted
                    hasWord = true
                } else if character == "\"" {
                    state = .doubleQuoted
                    hasWord = true
                } else if character == "\\" {
                    guard index < characters.count else { throw .danglingEscape }
                    current.unicodeScalars.append(characters[index])
                    index += 1
                    hasWord = true
                    state = .word
                } else {
                    current.unicodeScalars.append(character)
                    hasWord = true
                    state = .word
                }
            case .singleQuoted:
                if character == "'" { state = .word } else { current.unicodeScalars.append(character) }
            case .doubleQuoted:
                if character == "\"" {
                    state = .word
                } else if character == "\\" {
                    guard index < characters.count else { throw .unterminatedQuote }
                    let next = characters[index]
                    if next == "\"" || next == "\\" {
                        current.unicodeScalars.append(next)
                        index += 1
                    } else {
                        current.unicodeScalars.append(character)
                    }
                } else {
                    current.unicodeScalars.append(character)
                }
            }
        }
        if state == .singleQuoted || state == .doubleQuoted { throw .unterminatedQuote }
        finishWord()
        return words
    }
}
