/// Splits POSIX shell (and bash) text into simple commands, well enough to find assignments:
/// quotes, escapes, line continuations, comments, `$(...)`, backquotes, redirections and heredocs
/// are understood; control flow is flattened (`if`, `then`, `do`... are dropped, `for` is kept so
/// its word list can be read). Never fails: unbalanced quotes run to the end of the text.
struct ShellTokenizer {
    let bytes: [UInt8]
    let range: Range<Int>

    /// Words that only open or close a compound command; the next word starts the real command.
    private static let reservedWords: Set<String> = [
        "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "esac", "function", "select",
    ]

    func commands() -> [ShellCommand] {
        var state = State(bytes: bytes, end: range.upperBound)
        var position = range.lowerBound
        while position < state.end {
            position = state.step(at: position)
        }
        state.finish(pipes: false)
        return state.fillHeredocBodies()
    }

    private struct PendingHeredoc {
        let id: Int
        let delimiter: [UInt8]
        let stripTabs: Bool
    }

    private struct State {
        let bytes: [UInt8]
        let end: Int
        var commands: [ShellCommand] = []
        var current = ShellCommand()
        var pending: [PendingHeredoc] = []
        var bodies: [Int: Range<Int>] = [:]
        /// Heredoc id of each redirection, by command index and redirection index.
        var heredocIDs: [Int: [Int: Int]] = [:]
        var currentHeredocIDs: [Int: Int] = [:]
        var nextHeredocID = 0

        init(bytes: [UInt8], end: Int) {
            self.bytes = bytes
            self.end = end
        }

        mutating func finish(pipes: Bool) {
            guard !current.isEmpty else { return }
            current.pipesIntoNext = pipes
            if !currentHeredocIDs.isEmpty { heredocIDs[commands.count] = currentHeredocIDs }
            commands.append(current)
            current = ShellCommand()
            currentHeredocIDs = [:]
        }

        mutating func fillHeredocBodies() -> [ShellCommand] {
            for (commandIndex, ids) in heredocIDs {
                for (redirectionIndex, id) in ids {
                    commands[commandIndex].redirections[redirectionIndex].heredocBody = bodies[id]
                }
            }
            return commands
        }

        private func byte(_ index: Int) -> UInt8? { index < end ? bytes[index] : nil }

        /// Consumes one token starting at `position`; returns where the next one starts.
        mutating func step(at position: Int) -> Int {
            let character = bytes[position]
            switch character {
            case ASCII.space, ASCII.tab, ASCII.carriageReturn:
                return position + 1
            case ASCII.backslash where byte(position + 1) == ASCII.lineFeed:
                return position + 2
            case ASCII.lineFeed:
                finish(pipes: false)
                return pending.isEmpty ? position + 1 : readHeredocBodies(from: position + 1)
            case ASCII.hash:
                var next = position
                while next < end, bytes[next] != ASCII.lineFeed { next += 1 }
                return next
            case ASCII.semicolon:
                finish(pipes: false)
                let next = byte(position + 1)
                return next == ASCII.semicolon || next == ASCII.ampersand ? position + 2 : position + 1
            case ASCII.ampersand:
                if byte(position + 1) == ASCII.ampersand {
                    finish(pipes: false)
                    return position + 2
                }
                if byte(position + 1) == ASCII.greater {
                    let op = byte(position + 2) == ASCII.greater ? "&>>" : "&>"
                    return readRedirectionTarget(op: op, from: position + op.utf8.count)
                }
                finish(pipes: false)
                return position + 1
            case ASCII.pipe:
                if byte(position + 1) == ASCII.pipe {
                    finish(pipes: false)
                    return position + 2
                }
                finish(pipes: true)
                return byte(position + 1) == ASCII.ampersand ? position + 2 : position + 1
            case ASCII.openParen, ASCII.closeParen:
                finish(pipes: false)
                return position + 1
            case ASCII.less, ASCII.greater:
                let op = redirectionOperator(at: position)
                return readRedirectionTarget(op: op, from: position + op.utf8.count)
            default:
                let (word, next) = ShellWordReader(bytes: bytes, end: end).read(at: position)
                if let following = byte(next), following == ASCII.less || following == ASCII.greater,
                    !word.value.isEmpty, word.value.utf8.allSatisfy(ASCII.isDigit), !word.isQuoted
                {
                    return next  // a file descriptor number: `2>`
                }
                if current.words.isEmpty, current.redirections.isEmpty, !word.isQuoted,
                    ShellTokenizer.reservedWords.contains(word.value)
                {
                    return next
                }
                current.words.append(word)
                return max(next, position + 1)
            }
        }

        private func redirectionOperator(at position: Int) -> String {
            let first = bytes[position]
            let second = byte(position + 1)
            if first == ASCII.less {
                if second == ASCII.less {
                    if byte(position + 2) == ASCII.less { return "<<<" }
                    if byte(position + 2) == ASCII.dash { return "<<-" }
                    return "<<"
                }
                if second == ASCII.ampersand { return "<&" }
                if second == ASCII.greater { return "<>" }
                return "<"
            }
            if second == ASCII.greater { return ">>" }
            if second == ASCII.pipe { return ">|" }
            if second == ASCII.ampersand { return ">&" }
            return ">"
        }

        private mutating func readRedirectionTarget(op: String, from start: Int) -> Int {
            var position = start
            while position < end, ASCII.isBlank(bytes[position]) { position += 1 }
            var redirection = ShellRedirection(op: op, target: nil, heredocBody: nil)
            var next = position
            if position < end, ![ASCII.lineFeed, ASCII.semicolon, ASCII.pipe, ASCII.ampersand].contains(bytes[position]) {
                let (word, after) = ShellWordReader(bytes: bytes, end: end).read(at: position)
                redirection.target = word
                next = max(after, position + 1)
                if redirection.isHeredoc {
                    let id = nextHeredocID
                    nextHeredocID += 1
                    pending.append(PendingHeredoc(id: id, delimiter: Array(word.value.utf8), stripTabs: op == "<<-"))
                    currentHeredocIDs[current.redirections.count] = id
                }
            }
            current.redirections.append(redirection)
            return next
        }

        /// Reads the bodies of the heredocs opened on the line that just ended.
        private mutating func readHeredocBodies(from start: Int) -> Int {
            var position = start
            for heredoc in pending {
                let bodyStart = position
                var closed = false
                while position < end {
                    let lineStart = position
                    var lineEnd = position
                    while lineEnd < end, bytes[lineEnd] != ASCII.lineFeed { lineEnd += 1 }
                    var contentStart = lineStart
                    if heredoc.stripTabs { while contentStart < lineEnd, bytes[contentStart] == ASCII.tab { contentStart += 1 } }
                    var contentEnd = lineEnd
                    if contentEnd > contentStart, bytes[contentEnd - 1] == ASCII.carriageReturn { contentEnd -= 1 }
                    position = min(lineEnd + 1, end)
                    if bytes[contentStart..<contentEnd].elementsEqual(heredoc.delimiter) {
                        bodies[heredoc.id] = bodyStart..<lineStart
                        closed = true
                        break
                    }
                }
                if !closed { bodies[heredoc.id] = bodyStart..<end }
            }
            pending.removeAll()
            return position
        }
    }
}
