/// The parts of a POSIX `sh` script that the shell interprets: everything outside single quotes.
///
/// Text inside double quotes counts as exposed too, since `$(...)` and backticks run there. A value
/// that only ever appears inside single quotes cannot run as code.
enum ShellExposure {
    static func exposedText(of script: String) -> String {
        enum State { case plain, singleQuoted, doubleQuoted }
        var state = State.plain
        var exposed = ""
        var scalars = script.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch state {
            case .plain:
                if scalar == "'" {
                    state = .singleQuoted
                    exposed.unicodeScalars.append(" ")
                } else if scalar == "\"" {
                    state = .doubleQuoted
                } else if scalar == "\\" {
                    // An escaped character is literal, but it is still written outside quotes.
                    exposed.unicodeScalars.append(scalar)
                    if let next = scalars.next() { exposed.unicodeScalars.append(next) }
                } else {
                    exposed.unicodeScalars.append(scalar)
                }
            case .singleQuoted:
                if scalar == "'" { state = .plain }
            case .doubleQuoted:
                if scalar == "\"" {
                    state = .plain
                } else if scalar == "\\" {
                    // `\"`, `\$`, `\\` inside double quotes: the next character does not end the string.
                    exposed.unicodeScalars.append(scalar)
                    if let next = scalars.next() { exposed.unicodeScalars.append(next) }
                } else {
                    exposed.unicodeScalars.append(scalar)
                }
            }
        }
        return exposed
    }
}
