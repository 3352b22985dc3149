/// Reads the host part of an INI host line or a YAML `hosts:` key: a name, an address or a range,
/// optionally followed by `:port` (`db1.example.com:2222`, `192.0.2.7:2222`, `[2001:db8::7]:2222`).
/// A bare IPv6 address (`2001:db8::7`) has no port.
enum HostPatternParser {
    struct Declaration: Sendable, Hashable {
        var names: [String]
        var port: String?
    }

    static func parse(_ pattern: String, at location: SourceLocation) throws(InventoryError) -> Declaration {
        if let bracketed = bracketedIPv6(pattern, at: location) {
            return try bracketed.get()
        }
        if let address = IPAddress(pattern), address.family == .ipv6 {
            return Declaration(names: [pattern], port: nil)
        }

        var hostPart = Substring(pattern)
        var port: String?
        if let colon = lastColonOutsideBrackets(hostPart) {
            let portText = String(hostPart[hostPart.index(after: colon)...])
            hostPart = hostPart[..<colon]
            guard !portText.isEmpty else {
                throw .invalidHostName(
                    location, name: pattern,
                    problem: "it ends in ':'; a ':' must be followed by a port number (host:2222)")
            }
            guard KnownVariables.port(portText) != nil else {
                throw .invalidHostPort(location, pattern: pattern, port: portText)
            }
            if lastColonOutsideBrackets(hostPart) != nil {
                throw .invalidHostName(
                    location, name: pattern,
                    problem: "it has more than one ':'; write an IPv6 address with a port as [2001:db8::7]:2222")
            }
            port = portText
        }
        guard !hostPart.isEmpty else {
            throw .invalidHostName(location, name: pattern, problem: "the name before ':' is empty")
        }
        let names = try HostRangeExpander.expand(String(hostPart), at: location)
        for name in names {
            if let problem = InventoryDraft.hostNameProblem(name) {
                throw .invalidHostName(location, name: name, problem: problem)
            }
        }
        return Declaration(names: names, port: port)
    }

    /// `[v6]` or `[v6]:port`; nil when the brackets do not hold an IPv6 address (they may be a range).
    private static func bracketedIPv6(_ pattern: String, at location: SourceLocation) -> Result<Declaration, InventoryError>? {
        guard pattern.hasPrefix("["), let close = pattern.firstIndex(of: "]") else { return nil }
        let inner = String(pattern[pattern.index(after: pattern.startIndex)..<close])
        guard let address = IPAddress(inner), address.family == .ipv6 else { return nil }
        let rest = pattern[pattern.index(after: close)...]
        if rest.isEmpty { return .success(Declaration(names: [inner], port: nil)) }
        guard rest.hasPrefix(":"), KnownVariables.port(String(rest.dropFirst())) != nil else {
            return .failure(.invalidHostPort(location, pattern: pattern, port: String(rest.dropFirst())))
        }
        return .success(Declaration(names: [inner], port: String(rest.dropFirst())))
    }

    private static func lastColonOutsideBrackets(_ text: Substring) -> String.Index? {
        var depth = 0
        var found: String.Index?
        for index in text.indices {
            switch text[index] {
            case "[": depth += 1
            case "]": depth = max(depth - 1, 0)
            case ":" where depth == 0: found = index
            default: break
            }
        }
        return found
    }
}
