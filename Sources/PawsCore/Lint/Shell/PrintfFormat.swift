/// Renders `printf FORMAT ARGS...` output closely enough to read sysctl lines from it.
enum PrintfFormat {
    static func render(_ format: String, arguments: [String]) -> String {
        let characters = Array(EscapedText.decodingNewlines(format))
        var output = ""
        var remaining = arguments[...]
        var round = 0
        repeat {
            var index = 0
            var converted = false
            while index < characters.count {
                let character = characters[index]
                guard character == "%", index + 1 < characters.count else {
                    output.append(character)
                    index += 1
                    continue
                }
                if characters[index + 1] == "%" {
                    output.append("%")
                    index += 2
                    continue
                }
                var conversion = index + 1
                while conversion < characters.count, "-+ #0123456789.".contains(characters[conversion]) { conversion += 1 }
                guard conversion < characters.count else { break }
                output += EscapedText.decodingNewlines(remaining.popFirst() ?? "")
                converted = true
                index = conversion + 1
            }
            round += 1
            if !converted { break }
        } while !remaining.isEmpty && round < 64
        return output
    }
}
