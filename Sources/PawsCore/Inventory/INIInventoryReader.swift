import Foundation

/// Reads Ansible's INI inventory format into a draft.
///
/// Follows Ansible's `ini` plugin: lines are trimmed; blank lines and lines starting with `#` or `;`
/// are skipped; hosts before any section belong to `ungrouped`; `[g]` lists hosts, `[g:children]`
/// group names and `[g:vars]` one `key=value` per line, where everything after the first `=` is the
/// value (so a trailing `# comment` there is part of the value, as in Ansible). Host lines are split
/// like a shell command line (see `INIHostLineTokenizer`); values are unquoted like Python literals.
struct INIInventoryReader {
    private enum Section {
        case hosts(String)
        case children(String)
        case vars(String)
    }

    let path: String

    func read(_ text: String) throws(InventoryError) -> InventoryDraft {
        var draft = InventoryDraft(path: path)
        var section = Section.hosts(InventoryDraft.ungroupedGroup)
        for (index, rawLine) in Self.lines(of: text).enumerated() {
            let location = SourceLocation(path: path, line: index + 1)
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), !isHostLineStartingWithBracket(line) {
                section = try readSectionHeader(line, at: location, into: &draft)
                continue
            }
            switch section {
            case .hosts(let group):
                try readHostLine(line, group: group, at: location, into: &draft)
            case .children(let group):
                try draft.addChild(try readChildName(line, at: location), to: group, at: location)
            case .vars(let group):
                let (name, value) = try readVariableLine(line, group: group, at: location)
                try draft.setGroupVariable(name, to: value, in: group, at: location)
            }
        }
        return draft
    }

    /// Lines split at LF, CRLF or a lone CR, as Python's universal newlines do.
    private static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// `[2001:db8::7]:2222 ...` and `[1:3].example.com` are host lines, not section headers: the
    /// brackets hold an IPv6 address, or a name continues right after the `]` (Ansible's header
    /// pattern allows only whitespace or a comment there).
    private func isHostLineStartingWithBracket(_ line: String) -> Bool {
        guard let close = line.firstIndex(of: "]") else { return false }
        let inner = String(line[line.index(after: line.startIndex)..<close])
        if IPAddress(inner)?.family == .ipv6 { return true }
        let next = line.index(after: close)
        guard next < line.endIndex else { return false }
        return inner.contains(":") && !line[next].isWhitespace && line[next] != "#"
    }

    private func readSectionHeader(
        _ line: String, at location: SourceLocation, into draft: inout InventoryDraft
    ) throws(InventoryError) -> Section {
        guard let close = line.firstIndex(of: "]") else {
            throw .unclosedSectionHeader(location, line: line)
        }
        let header = String(line[...close])
        let trailing = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard trailing.isEmpty || trailing.hasPrefix("#") else {
            throw .invalidSectionHeader(location, header: line, problem: "unexpected text after ']'")
        }
        let body = line[line.index(after: line.startIndex)..<close]
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty else {
            throw .invalidSectionHeader(location, header: header, problem: "the group name is empty")
        }
        guard !name.contains(where: \.isWhitespace) else {
            throw .invalidSectionHeader(location, header: header, problem: "the group name contains a space")
        }
        guard parts.count == 2 else {
            try draft.defineGroup(name, at: location)
            return .hosts(name)
        }
        switch parts[1] {
        case "children":
            try draft.defineGroup(name, at: location)
            return .children(name)
        case "vars":
            try draft.noteVarsSection(for: name, at: location)
            return .vars(name)
        default:
            throw .unknownSectionKind(location, header: header, kind: String(parts[1]))
        }
    }

    private func readHostLine(
        _ line: String, group: String, at location: SourceLocation, into draft: inout InventoryDraft
    ) throws(InventoryError) {
        let words: [String]
        do {
            words = try INIHostLineTokenizer.words(of: line)
        } catch {
            switch error {
            case .unterminatedQuote: throw .unterminatedQuote(location, line: line)
            case .danglingEscape: throw .danglingEscape(location, line: line)
            }
        }
        guard let pattern = words.first else { return }
        let declaration = try HostPatternParser.parse(pattern, at: location)

        var variables: [(name: String, value: String)] = []
        if let port = declaration.port {
            variables.append((KnownVariables.port[0], port))
        }
        var seen: Set<String> = []
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw .expectedKeyValue(location, found: word, context: "after the host name (a host variable)")
            }
            let name = String(word[..<equals])
            guard seen.insert(name).inserted else {
                throw .duplicateKey(location, keys: [name], context: "on one host line")
            }
            variables.append((name, PythonStringLiteral.unquoted(String(word[word.index(after: equals)...]))))
        }
        for name in declaration.names {
            try draft.declareHost(name, in: group, at: location)
            for variable in variables {
                try draft.setHostVariable(variable.name, to: variable.value, on: name, at: location)
            }
        }
    }

    /// One group name per line, optionally followed by a `#` comment (Ansible's rule).
    private func readChildName(_ line: String, at location: SourceLocation) throws(InventoryError) -> String {
        let name = String(line.prefix { !$0.isWhitespace })
        let rest = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw .invalidGroupName(
                location, name: line, problem: "expected one group name per line in a [group:children] section")
        }
        guard !name.contains(":"), !name.contains("]") else {
            throw .invalidGroupName(location, name: name, problem: "a group name cannot contain ':' or ']'")
        }
        return name
    }

    private func readVariableLine(
        _ line: String, group: String, at location: SourceLocation
    ) throws(InventoryError) -> (String, String) {
        guard let equals = line.firstIndex(of: "=") else {
            throw .expectedKeyValue(location, found: line, context: "in [\(group):vars]")
        }
        let name = line[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
            throw .expectedKeyValue(location, found: line, context: "in [\(group):vars] (one variable name before '=')")
        }
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return (name, PythonStringLiteral.unquoted(value))
    }
}
