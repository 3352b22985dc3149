/// Jinja statements and comments (`{% if %}`, `{# note #}`) replaced by blanks of the same length,
/// so that templated YAML parses more often and every offset stays where it was.
enum TemplateStatements {
    static func blank(_ bytes: inout [UInt8]) {
        var position = 0
        while position + 1 < bytes.count {
            guard bytes[position] == ASCII.openBrace, bytes[position + 1] == ASCII.percent || bytes[position + 1] == ASCII.hash else {
                position += 1
                continue
            }
            let closer = bytes[position + 1]
            var end = position + 2
            while end + 1 < bytes.count, !(bytes[end] == closer && bytes[end + 1] == ASCII.closeBrace) { end += 1 }
            let stop = min(end + 2, bytes.count)
            for index in position..<stop where bytes[index] != ASCII.lineFeed { bytes[index] = ASCII.space }
            position = stop
        }
    }
}
