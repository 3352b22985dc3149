/// Shell-style wildcard matching as Python's `fnmatch` does it (what Ansible uses for host patterns):
/// `*` any run, `?` one character, `[abc]`/`[a-z]` a set, `[!abc]` its complement; a `[` without a
/// closing `]` is literal. Case-sensitive; the whole name must match.
struct GlobPattern: Sendable, Hashable {
    private enum Token: Sendable, Hashable {
        case literal(Character)
        case anyCharacter
        case anyRun
        case set(negated: Bool, members: [ClosedRange<Character>])
    }

    private let tokens: [Token]

    init(_ pattern: String) {
        let characters = Array(pattern)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?":
                tokens.append(.anyCharacter)
            case "[":
                if let (token, next) = GlobPattern.parseSet(characters, from: index) {
                    tokens.append(token)
                    index = next
                } else {
                    tokens.append(.literal("["))
                }
            default:
                tokens.append(.literal(character))
            }
        }
        self.tokens = tokens
    }

    /// Whether Ansible would also look for hosts (not only groups) with this pattern.
    static func hasWildcard(_ pattern: String) -> Bool {
        pattern.contains { $0 == "." || $0 == "?" || $0 == "*" || $0 == "[" }
    }

    func matches(_ text: String) -> Bool {
        let characters = Array(text)
        var tokenIndex = 0
        var characterIndex = 0
        var backtrack: (token: Int, character: Int)?
        while characterIndex < characters.count {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .anyRun:
                    backtrack = (tokenIndex, characterIndex)
                    tokenIndex += 1
                    continue
                case let token where GlobPattern.token(token, matches: characters[characterIndex]):
                    tokenIndex += 1
                    characterIndex += 1
                    continue
                default:
                    break
                }
            }
            guard let resume = backtrack else { return false }
            tokenIndex = resume.token + 1
            characterIndex = resume.character + 1
            backtrack = (resume.token, resume.character + 1)
        }
        return tokens[tokenIndex...].allSatisfy { $0 == .anyRun }
    }

    private static func token(_ token: Token, matches character: Character) -> Bool {
        switch token {
        case .literal(let expected): return expected == character
        case .anyCharacter: return true
        case .anyRun: return false
        case .set(let negated, let members):
            return members.contains { $0.contains(character) } != negated
        }
    }

    /// Parses a set starting just after `[`; nil when it has no closing `]`.
    private static func parseSet(_ characters: [Character], from start: Int) -> (Token, Int)? {
        var index = start
        var negated = false
        if index < characters.count, characters[index] == "!" {
            negated = true
            index += 1
        }
        // A `]` right after `[` or `[!` is a member, not the end.
        var end = index
        if end < characters.count, characters[end] == "]" { end += 1 }
        while end < characters.count, characters[end] != "]" { end += 1 }
        guard end < characters.count else { return nil }
        var members: [ClosedRange<Character>] = []
        var position = index
        while position < end {
            let low = characters[position]
            if position + 2 < end, characters[position + 1] == "-" {
                let high = characters[position + 2]
                if low <= high { members.append(low...high) }
                position += 3
            } else {
                members.append(low...low)
                position += 1
            }
        }
        return (.set(negated: negated, members: members), end + 1)
    }
}
