/// Dockerfiles and Containerfiles: `RUN` in shell form (continuations, heredocs), `RUN`, `CMD`
/// and `ENTRYPOINT` in exec form (`["sysctl", "-w", "..."]`), and heredoc files (`COPY <<EOF
/// /etc/sysctl.d/...`). Docker drops comment lines even inside a continued instruction, so they are
/// blanked (same length, offsets kept) before the shell reader sees them; inside a continuation the
/// line end goes too, so the instruction goes on past the comment as it does for Docker.
struct DockerfileExtractor: SysctlAssignmentExtractor {
    private static let execFormInstructions: Set<String> = ["RUN", "CMD", "ENTRYPOINT"]

    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        var bytes = buffer.bytes
        let table = LineTable(bytes, range: buffer.range)
        var continued = false
        for line in table.lines {
            let first = TextLine.firstNonBlank(bytes, line)
            if first < line.upperBound, bytes[first] == ASCII.hash {
                var end = line.upperBound
                if continued {
                    while end < buffer.range.upperBound, bytes[end] != ASCII.lineFeed { end += 1 }
                    end = min(end + 1, buffer.range.upperBound)
                }
                for index in first..<end { bytes[index] = ASCII.space }
                continue
            }
            var last = line.upperBound
            while last > line.lowerBound, ASCII.isBlank(bytes[last - 1]) { last -= 1 }
            continued = last > line.lowerBound && bytes[last - 1] == ASCII.backslash
            execForm(bytes, line: line, buffer: buffer, session: session)
        }
        ShellScanner(session: session).scan(ScanBuffer(bytes: bytes, range: buffer.range, placement: buffer.placement))
    }

    /// `RUN ["sysctl", "-w", "net.ipv4.tcp_tw_recycle=1"]`.
    private func execForm(_ bytes: [UInt8], line: Range<Int>, buffer: ScanBuffer, session: ExtractionSession) {
        let first = TextLine.firstNonBlank(bytes, line)
        var position = first
        while position < line.upperBound, ASCII.isLetter(bytes[position]) { position += 1 }
        let instruction = String(decoding: bytes[first..<position], as: UTF8.self).uppercased()
        guard Self.execFormInstructions.contains(instruction) else { return }
        position = TextLine.skipBlanks(bytes, from: position, before: line.upperBound)
        guard position < line.upperBound, bytes[position] == ASCII.openBracket,
            let strings = JSONStringList.parse(bytes, from: position, before: buffer.range.upperBound)
        else { return }
        let words = strings.map {
            ShellWord(value: $0.value, raw: $0.raw, isQuoted: true, hasExpansion: false, substitutions: [])
        }
        ShellScanner(session: session).analyse(arguments: words, in: buffer.searching())
    }
}
