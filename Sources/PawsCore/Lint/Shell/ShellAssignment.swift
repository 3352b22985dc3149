/// `NAME=value`, `NAME+=value`, `NAME[index]=value` at the start of a word.
struct ShellAssignment {
    let name: String
    /// The value part of the word's value.
    let value: String
    /// Where the value starts within the word's value (bytes).
    let valueOffset: Int

    init?(_ word: ShellWord) {
        let bytes = Array(word.value.utf8)
        guard let first = bytes.first, ASCII.isLetter(first) || first == ASCII.underscore else { return nil }
        var position = 1
        while position < bytes.count, ASCII.isIdentifier(bytes[position]) { position += 1 }
        let nameEnd = position
        if position < bytes.count, bytes[position] == ASCII.openBracket {
            while position < bytes.count, bytes[position] != ASCII.closeBracket { position += 1 }
            position += 1
        }
        if position < bytes.count, bytes[position] == ASCII.plus { position += 1 }
        guard position < bytes.count, bytes[position] == ASCII.equals else { return nil }
        name = String(decoding: bytes[0..<nameEnd], as: UTF8.self)
        valueOffset = position + 1
        value = String(decoding: bytes[(position + 1)...], as: UTF8.self)
    }
}
