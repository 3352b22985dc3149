/// Ansible's pattern subscripts: `web[0]`, `web[-1]`, `web[1:3]` (inclusive), `web[2:]`.
/// `web[1-3]` is read as `web[1:3]`, as Ansible still does, so a glob set of digits needs a
/// trailing `*` (`web[1-3]*`) to stay a glob.
struct HostSubscript: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case index(Int)
        case range(start: Int, end: Int?)
    }

    let kind: Kind

    /// Splits `pattern[subscript]`; regexes (`~...`) never carry a subscript.
    static func split(_ pattern: String) -> (base: String, hostSubscript: HostSubscript?) {
        guard !pattern.hasPrefix("~"), pattern.hasSuffix("]"), let open = pattern.lastIndex(of: "["),
              open != pattern.startIndex
        else { return (pattern, nil) }
        let base = String(pattern[..<open])
        let body = pattern[pattern.index(after: open)..<pattern.index(before: pattern.endIndex)]
        if let index = Int(body), body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
            return (base, HostSubscript(kind: .index(index)))
        }
        guard let separator = body.firstIndex(where: { $0 == ":" || $0 == "-" }) else { return (pattern, nil) }
        let startText = body[..<separator]
        let endText = body[body.index(after: separator)...]
        guard !startText.isEmpty, startText.allSatisfy({ $0.isASCII && $0.isNumber }), let start = Int(startText),
              endText.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return (pattern, nil) }
        return (base, HostSubscript(kind: .range(start: start, end: Int(endText))))
    }

    /// The selected part of `names`; empty when the subscript is out of range.
    func apply(to names: [String]) -> [String] {
        switch kind {
        case .index(let index):
            let position = index < 0 ? names.count + index : index
            return names.indices.contains(position) ? [names[position]] : []
        case .range(let start, let end):
            let last = min(end ?? names.count - 1, names.count - 1)
            guard start <= last else { return [] }
            return Array(names[start...last])
        }
    }
}
