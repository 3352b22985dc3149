/// Expands Ansible host ranges: `db[01:20].example.com` (zero padding kept), `web[a:f]`, `[1:10:2]`
/// (stride); several ranges in one name multiply. Inclusive at both ends, like Ansible.
enum HostRangeExpander {
    /// Refuses ranges that would produce more hosts than any real fleet, before allocating them.
    static let maximumHosts = 100_000

    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func expand(_ pattern: String, at location: SourceLocation) throws(InventoryError) -> [String] {
        var budget = maximumHosts
        return try expand(Substring(pattern), whole: pattern, location: location, budget: &budget)
    }

    private static func expand(
        _ pattern: Substring, whole: String, location: SourceLocation, budget: inout Int
    ) throws(InventoryError) -> [String] {
        guard let open = pattern.firstIndex(of: "[") else { return [String(pattern)] }
        func fail(_ problem: String) -> InventoryError {
            .invalidHostRange(location, pattern: whole, problem: problem)
        }
        guard let close = pattern[open...].firstIndex(of: "]") else {
            throw fail("'[' has no closing ']'")
        }
        let head = pattern[..<open]
        let tail = pattern[pattern.index(after: close)...]
        let body = pattern[pattern.index(after: open)..<close]
        let bounds = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count == 2 || bounds.count == 3 else {
            throw fail("\(InventoryText.quoted("[\(body)]")) is not begin:end or begin:end:step")
        }
        let begin = bounds[0].isEmpty ? "0" : bounds[0]
        let end = bounds[1]
        guard !end.isEmpty else { throw fail("the range has no end value") }
        var step = 1
        if bounds.count == 3 {
            guard let value = decimal(bounds[2]), value >= 1 else {
                throw fail("step \(InventoryText.quoted(bounds[2])) is not a whole number of at least 1")
            }
            step = value
        }

        let values: [String]
        if begin.count == 1, end.count == 1, let first = letters.firstIndex(of: Character(begin)),
           let last = letters.firstIndex(of: Character(end)) {
            guard first <= last else { throw fail("begin \(InventoryText.quoted(begin)) comes after end \(InventoryText.quoted(end))") }
            values = stride(from: first, through: last, by: step).map { String(letters[$0]) }
        } else if let first = decimal(begin), let last = decimal(end) {
            guard first <= last else { throw fail("begin \(begin) is greater than end \(end)") }
            let width = begin.count > 1 && begin.hasPrefix("0") ? begin.count : 0
            if width > 0, end.count != width {
                throw fail("zero-padded begin \(InventoryText.quoted(begin)) and end \(InventoryText.quoted(end)) must have the same width")
            }
            let count = (last - first) / step + 1
            guard count <= budget else { throw fail("it expands to more than \(maximumHosts) hosts") }
            values = stride(from: first, through: last, by: step).map { padded($0, width: width) }
        } else {
            throw fail("begin \(InventoryText.quoted(begin)) and end \(InventoryText.quoted(end)) must both be numbers or both be single letters")
        }

        guard values.count <= budget else { throw fail("it expands to more than \(maximumHosts) hosts") }
        budget /= values.count
        let tails = try expand(tail, whole: whole, location: location, budget: &budget)
        var names: [String] = []
        names.reserveCapacity(values.count * tails.count)
        for value in values {
            for rest in tails {
                names.append(head + value + rest)
            }
        }
        return names
    }

    /// A non-negative whole number written in ASCII digits, small enough never to overflow.
    private static func decimal(_ text: String) -> Int? {
        guard (1...9).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
