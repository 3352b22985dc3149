/// Finds sysctl assignments in shell code: `sysctl -w k=v`, `echo v > /proc/sys/...`,
/// `... | tee /proc/sys/...`, sysctl lines written by `echo`, `printf`, heredocs and `sed`,
/// `k=v` lists in variables, arrays and `for` loops, and shell code run by `sh -c`, `ssh`, `su -c`,
/// `eval`, `docker exec` and `kubectl exec`. Other commands' arguments are not assignments:
/// `grep -q net.ipv4.tcp_tw_recycle=1 /etc/sysctl.conf` reads, it does not set.
struct ShellScanner {
    let session: ExtractionSession

    static let shells: Set<String> = ["sh", "bash", "dash", "ksh", "zsh", "ash", "mksh", "busybox"]
    /// Commands whose heredoc is shell code: shells, `ssh host <<EOF`, and a Dockerfile `RUN <<EOF`.
    private static let heredocRunners: Set<String> = shells.union(["ssh", "RUN"])

    func scan(_ buffer: ScanBuffer) {
        guard session.watched.mentioned(in: buffer.bytes, range: buffer.range) else { return }
        var pipedInput: ScanBuffer?
        for command in ShellTokenizer(bytes: buffer.bytes, range: buffer.range).commands() {
            let output = analyse(command, pipedInput: pipedInput, in: buffer)
            pipedInput = command.pipesIntoNext ? output : nil
        }
    }

    /// Analyses an argument vector given as words (a YAML or JSON `["sysctl", "-w", "k=v"]` list).
    func analyse(arguments: [ShellWord], in buffer: ScanBuffer) {
        _ = analyse(ShellCommand(words: arguments), pipedInput: nil, in: buffer)
    }

    /// `/usr/sbin/sysctl` → `sysctl`; Makefile prefixes (`@`, `-`) and alias escapes (`\`) dropped.
    static func commandName(_ word: String) -> String {
        var name = Substring(word.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        while let first = name.first, first == "@" || first == "-" || first == "+" || first == "\\" { name = name.dropFirst() }
        return String(name)
    }

    // MARK: - One command

    private func analyse(_ command: ShellCommand, pipedInput: ScanBuffer?, in buffer: ScanBuffer) -> ScanBuffer? {
        for word in command.words + command.redirections.compactMap(\.target) {
            for body in word.substitutions where !body.isEmpty {
                session.nested { scan(buffer.slice(body)) }
            }
        }
        var words = command.words[...]
        while let first = words.first, let assignment = ShellAssignment(first) {
            keyValueList(assignment.value, word: first, in: buffer)
            words = words.dropFirst()
        }
        let argv = ShellWrappers.strip(Array(words))
        let name = argv.first.map { Self.commandName($0.value) } ?? ""
        let arguments = Array(argv.dropFirst())
        var output: ScanBuffer?
        switch name {
        case "sysctl":
            sysctlArguments(arguments, in: buffer)
        case "echo":
            output = echoOutput(arguments, in: buffer)
        case "printf":
            output = printfOutput(arguments, in: buffer)
        case "tee":
            output = pipedInput
        case _ where Self.shells.contains(name):
            shellScript(arguments, in: buffer)
        case "su", "runuser":
            suCommand(arguments, in: buffer)
        case "ssh":
            remoteCommand(arguments, in: buffer)
        case "eval":
            joinedScript(arguments[...], in: buffer)
        case "sed":
            sedScripts(arguments, in: buffer)
        case "export", "declare", "local", "readonly", "typeset":
            for word in arguments { if let assignment = ShellAssignment(word) { keyValueList(assignment.value, word: word, in: buffer) } }
        case "for":
            if let inIndex = arguments.firstIndex(where: { $0.value == "in" }) {
                for word in arguments[(inIndex + 1)...] { keyValueList(word.value, word: word, in: buffer) }
            }
        case "docker", "podman", "nerdctl":
            containerCommand(arguments, in: buffer)
        case "kubectl", "oc":
            if let separator = arguments.firstIndex(where: { $0.value == "--" }) {
                session.nested { analyse(arguments: Array(arguments[(separator + 1)...]), in: buffer) }
            }
            quotedScripts(arguments, in: buffer)
        default:
            quotedScripts(arguments, in: buffer)
        }
        var standardInput: ScanBuffer?
        for redirection in command.redirections {
            if let body = redirection.heredocBody {
                let bodyBuffer = buffer.slice(body)
                if Self.heredocRunners.contains(name) {
                    session.nested { scan(bodyBuffer) }
                } else {
                    session.nested { GenericTextScanner(session: session, lineForm: .writtenLine).scan(bodyBuffer) }
                }
                standardInput = bodyBuffer
            } else if redirection.op == "<<<", let target = redirection.target {
                let text = buffer.nested(EscapedText.decodingNewlines(target.value), atLocal: target.raw.lowerBound)
                writtenLines(text)
                standardInput = text
            }
        }
        if name == "cat" || name == "tee", output == nil { output = standardInput }
        if name == "tee", let content = output {
            for target in arguments where !target.value.hasPrefix("-") { writeTarget(target, content: content, in: buffer) }
        }
        if let content = output {
            for redirection in command.redirections where redirection.writesFile {
                if let target = redirection.target { writeTarget(target, content: content, in: buffer) }
            }
        }
        return output
    }

    // MARK: - Commands that set keys

    private func sysctlArguments(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let value = word.value
            index += 1
            if value == "--system" { return }
            if ["-p", "--load", "-f", "-r", "--pattern"].contains(value) {
                if index < arguments.count, !arguments[index].value.contains("=") || value == "-r" || value == "--pattern" { index += 1 }
                continue
            }
            if value.hasPrefix("-"), !value.contains("=") || value.hasPrefix("--") { continue }
            setting(word, form: .sysctlCommand, in: buffer)
        }
    }

    /// A `key=value` word.
    private func setting(_ word: ShellWord, form: AssignmentForm, in buffer: ScanBuffer) {
        guard let equals = word.value.firstIndex(of: "=") else { return }
        let keyText = String(word.value[..<equals]).trimmingSurroundingBlanks()
        guard let key = session.watched.key(named: keyText) else { return }
        let value = String(word.value[word.value.index(after: equals)...])
        session.emit(key: key, keyText: keyText, atLocal: word.raw.lowerBound, in: buffer.searching(), rawValue: value, form: form)
    }

    /// `echo 1 > /proc/sys/net/ipv4/tcp_tw_recycle`, `... | tee /proc/sys/...`.
    private func writeTarget(_ target: ShellWord, content: ScanBuffer, in buffer: ScanBuffer) {
        guard target.value.hasPrefix("/proc/sys/"), let key = session.watched.key(named: target.value) else { return }
        let text = content.text(content.range)
        let value = text.split(separator: "\n").first.map(String.init) ?? ""
        session.emit(
            key: key, keyText: target.value, atLocal: target.raw.lowerBound, in: buffer.searching(), rawValue: value, form: .procSysWrite)
    }

    /// What `echo` prints, as a buffer placed at its first argument.
    private func echoOutput(_ arguments: [ShellWord], in buffer: ScanBuffer) -> ScanBuffer? {
        var words = arguments[...]
        while let option = words.first?.value, option.count > 1, option.hasPrefix("-"),
            option.dropFirst().allSatisfy({ "neE".contains($0) })
        {
            words = words.dropFirst()
        }
        guard let first = words.first else { return nil }
        let text = EscapedText.decodingNewlines(words.map(\.value).joined(separator: " "))
        let output = buffer.nested(text, atLocal: first.raw.lowerBound)
        writtenLines(output)
        return output
    }

    /// What `printf FORMAT ARGS...` prints: `%s`-style conversions take the arguments in turn.
    private func printfOutput(_ arguments: [ShellWord], in buffer: ScanBuffer) -> ScanBuffer? {
        var words = arguments[...]
        if words.first?.value == "-v" { return nil }
        if words.first?.value == "--" { words = words.dropFirst() }
        guard let format = words.first else { return nil }
        let text = PrintfFormat.render(format.value, arguments: words.dropFirst().map(\.value))
        let output = buffer.nested(text, atLocal: format.raw.lowerBound)
        writtenLines(output)
        return output
    }

    /// Sysctl lines in text a command writes: `echo "net.ipv4.tcp_tw_recycle = 1" >> /etc/sysctl.conf`.
    private func writtenLines(_ text: ScanBuffer) {
        var lineStart = text.range.lowerBound
        let recogniser = session.lineRecogniser
        while lineStart < text.range.upperBound {
            var lineEnd = lineStart
            while lineEnd < text.range.upperBound, text.bytes[lineEnd] != ASCII.lineFeed { lineEnd += 1 }
            if let match = recogniser.match(text.bytes, line: lineStart..<lineEnd) {
                session.emit(
                    key: match.key, keyText: match.keyText, atLocal: match.keyOffset, in: text, rawValue: match.value,
                    form: .writtenLine)
            }
            lineStart = lineEnd + 1
        }
    }

    // MARK: - Commands that run other shell code

    /// `sh -c 'script'`, `bash -ec "script"`.
    private func shellScript(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        var words = arguments[...]
        if words.first.map({ Self.shells.contains($0.value) }) == true { words = words.dropFirst() }  // busybox sh
        guard let flag = words.firstIndex(where: { isCommandFlag($0.value) }), flag + 1 < words.endIndex else { return }
        let script = words[flag + 1]
        session.nested { scan(buffer.nested(script.value, atLocal: script.raw.lowerBound)) }
    }

    private func isCommandFlag(_ option: String) -> Bool {
        option.hasPrefix("-") && !option.hasPrefix("--") && option.contains("c")
    }

    /// `su - root -c 'script'`, `su --command='script'`.
    private func suCommand(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        for (index, word) in arguments.enumerated() {
            if word.value == "-c" || word.value == "--command", index + 1 < arguments.count {
                let script = arguments[index + 1]
                session.nested { scan(buffer.nested(script.value, atLocal: script.raw.lowerBound)) }
                return
            }
            if word.value.hasPrefix("--command=") {
                let script = String(word.value.dropFirst("--command=".count))
                session.nested { scan(buffer.nested(script, atLocal: word.raw.lowerBound)) }
                return
            }
        }
    }

    /// `ssh [options] host command...`: the remote shell runs the words joined by spaces.
    private func remoteCommand(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        let optionsWithArgument: Set<String> = [
            "-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w", "-B",
        ]
        var index = 0
        while index < arguments.count, arguments[index].value.hasPrefix("-") {
            index += optionsWithArgument.contains(arguments[index].value) ? 2 : 1
        }
        joinedScript(arguments.dropFirst(index + 1), in: buffer)
    }

    /// Words a command runs as one shell script (`eval`, `ssh host ...`).
    private func joinedScript(_ words: ArraySlice<ShellWord>, in buffer: ScanBuffer) {
        guard let first = words.first else { return }
        let script = words.map(\.value).joined(separator: " ")
        session.nested { scan(buffer.nested(script, atLocal: first.raw.lowerBound)) }
    }

    /// `docker run --sysctl net.ipv4.tcp_tw_recycle=1 ...`, `docker exec c sysctl -w ...`.
    private func containerCommand(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        for (index, word) in arguments.enumerated() {
            if word.value == "--sysctl", index + 1 < arguments.count {
                setting(arguments[index + 1], form: .sysctlCommand, in: buffer)
            } else if word.value.hasPrefix("--sysctl=") {
                let inner = ShellWord(
                    value: String(word.value.dropFirst("--sysctl=".count)), raw: word.raw, isQuoted: word.isQuoted,
                    hasExpansion: word.hasExpansion, substitutions: [])
                setting(inner, form: .sysctlCommand, in: buffer)
            }
        }
        if arguments.first?.value == "exec" {
            let optionsWithArgument: Set<String> = ["-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys"]
            var index = 1
            while index < arguments.count, arguments[index].value.hasPrefix("-") {
                index += optionsWithArgument.contains(arguments[index].value) ? 2 : 1
            }
            if index + 1 < arguments.count {
                session.nested { analyse(arguments: Array(arguments[(index + 1)...]), in: buffer) }
            }
        }
        quotedScripts(arguments, in: buffer)
    }

    /// Quoted arguments that look like shell code of their own (`run_on_all "sysctl -w ..."`): their
    /// commands count, but a bare `key = value` in them does not (`grep -q "k = 1" file` reads).
    private func quotedScripts(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        for word in arguments where word.isQuoted && word.value.contains(" ") && session.watched.mentioned(in: word.value) {
            session.nested { scan(buffer.nested(word.value, atLocal: word.raw.lowerBound)) }
        }
    }

    /// `sed -i 's/^net.ipv4.tcp_tw_recycle.*/net.ipv4.tcp_tw_recycle = 1/' /etc/sysctl.conf`.
    private func sedScripts(_ arguments: [ShellWord], in buffer: ScanBuffer) {
        var scripts: [ShellWord] = []
        var index = 0
        var sawExpressionOption = false
        while index < arguments.count {
            let value = arguments[index].value
            if value == "-e" || value == "--expression", index + 1 < arguments.count {
                scripts.append(arguments[index + 1])
                sawExpressionOption = true
                index += 2
                continue
            }
            if value.hasPrefix("--expression=") {
                scripts.append(arguments[index])
                sawExpressionOption = true
            } else if !value.hasPrefix("-"), !sawExpressionOption, scripts.isEmpty {
                scripts.append(arguments[index])
            }
            index += 1
        }
        for script in scripts {
            let text = script.value.hasPrefix("--expression=") ? String(script.value.dropFirst("--expression=".count)) : script.value
            let prefix = script.value.utf8.count - text.utf8.count
            for written in SedScript.writtenTexts(text) {
                writtenLines(buffer.nested(written.text, atLocal: script.raw.lowerBound + prefix + written.offset))
            }
        }
    }

    // MARK: - key=value lists

    /// `SETTINGS="net.ipv4.tcp_tw_recycle=1 ..."`, `declare -A s=([net.ipv4.tcp_tw_recycle]=1)`,
    /// `for kv in net.ipv4.tcp_tw_recycle=1; do`, and a variable holding a whole sysctl line.
    private func keyValueList(_ text: String, word: ShellWord, in buffer: ScanBuffer) {
        guard session.watched.mentioned(in: text) else { return }
        let list = buffer.nested(text, atLocal: word.raw.lowerBound)
        let bytes = list.bytes
        for token in session.watched.keyTokens(in: bytes, range: list.range) {
            var position = token.range.upperBound
            if position < bytes.count, bytes[position] == ASCII.closeBracket || bytes[position] == ASCII.doubleQuote
                || bytes[position] == ASCII.singleQuote
            {
                position += 1
            }
            if position < bytes.count, bytes[position] == ASCII.closeBracket { position += 1 }
            guard position < bytes.count, bytes[position] == ASCII.equals else { continue }
            position += 1
            var end = position
            var quote: UInt8?
            while end < bytes.count {
                let character = bytes[end]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == ASCII.doubleQuote || character == ASCII.singleQuote {
                    quote = character
                } else if ASCII.isSpace(character) || character == ASCII.closeParen {
                    break
                }
                end += 1
            }
            let value = String(decoding: bytes[position..<end], as: UTF8.self)
            session.emit(key: token.key, keyText: token.text, atLocal: token.range.lowerBound, in: list, rawValue: value, form: .keyValueMap)
        }
        writtenLines(list)
    }
}
