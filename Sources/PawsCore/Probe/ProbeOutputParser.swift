/// Splits a probe's stdout into sections and assembles a `HostSnapshot`.
///
/// Remote output is untrusted: every section name and index is checked, contents are kept as
/// bytes, and anything unexpected is an error naming the host, never a crash.
public struct ProbeOutputParser: Sendable {
    public let request: ProbeRequest
    public let host: String

    public init(request: ProbeRequest, host: String) {
        self.request = request
        self.host = host
    }

    struct Section {
        var name: String
        var argument: String?
        var content: ArraySlice<UInt8>
    }

    public func parse(_ output: [UInt8]) throws -> HostSnapshot {
        let sections = try split(output)
        guard let first = sections.first, first.name == "probe" else {
            let firstLine = output.prefix { $0 != 0x0A }
            throw ProbeError.missingHeader(host: host, firstLine: String(decoding: firstLine.prefix(200), as: UTF8.self))
        }
        guard first.argument == String(ProbeScript.formatVersion) else {
            throw ProbeError.unsupportedVersion(host: host, version: first.argument ?? "")
        }
        guard sections.last?.name == "end" else {
            throw ProbeError.truncated(host: host, lastSection: sections.last?.name ?? "probe")
        }
        var snapshot = HostSnapshot(sampleIntervalSeconds: request.sampleIntervalSeconds)
        var pendingFile: ProbedFile?
        func flushFile() {
            if let file = pendingFile { snapshot.configFiles.append(file) }
            pendingFile = nil
        }
        for section in sections.dropFirst().dropLast() {
            switch section.name {
            case "release": snapshot.kernelRelease = text(section).trimmingTrailingWhitespace
            case "release-absent", "release-unreadable": snapshot.kernelRelease = nil
            case "hostname": snapshot.hostname = text(section).trimmingTrailingWhitespace
            case "hostname-absent", "hostname-unreadable": snapshot.hostname = nil
            case "os-release": snapshot.osRelease = text(section)
            case "os-release-absent", "os-release-unreadable": snapshot.osRelease = nil
            case "live", "live-absent", "live-unreadable":
                let key = try key(for: section)
                switch section.name {
                case "live":
                    // The bytes of the /proc/sys file: one value and the kernel's newline.
                    var value = text(section)
                    if value.hasSuffix("\n") { value.removeLast() }
                    snapshot.live[key] = .value(value)
                case "live-absent": snapshot.live[key] = .absent
                default: snapshot.live[key] = .unreadable
                }
            case "netstat": snapshot.netstatSamples.append(.text(text(section)))
            case "netstat-absent": snapshot.netstatSamples.append(.absent)
            case "netstat-unreadable": snapshot.netstatSamples.append(.unreadable)
            case "tcp": snapshot.tcp = .text(text(section))
            case "tcp-absent": snapshot.tcp = .absent
            case "tcp-unreadable": snapshot.tcp = .unreadable
            case "tcp6": snapshot.tcp6 = .text(text(section))
            case "tcp6-absent": snapshot.tcp6 = .absent
            case "tcp6-unreadable": snapshot.tcp6 = .unreadable
            case "path":
                flushFile()
                let path = text(section)
                guard path.hasPrefix("/"), !path.contains("\0") else {
                    throw ProbeError.malformedSection(host: host, section: "path", detail: "not an absolute path: \(ProbeError.clip(path))")
                }
                pendingFile = ProbedFile(path: path, content: .absent)
            case "link", "file", "file-absent", "file-unreadable":
                guard pendingFile != nil else {
                    throw ProbeError.malformedSection(host: host, section: section.name, detail: "appears before any path section")
                }
                switch section.name {
                case "link":
                    // readlink ends its output with a newline of its own.
                    var target = text(section)
                    if target.hasSuffix("\n") { target.removeLast() }
                    pendingFile?.symlinkTarget = target
                case "file": pendingFile?.content = .bytes(Array(section.content))
                case "file-absent": pendingFile?.content = .absent
                default: pendingFile?.content = .unreadable
                }
            default:
                throw ProbeError.malformedSection(host: host, section: section.name, detail: "unknown section")
            }
        }
        flushFile()
        for (index, key) in request.keys.enumerated() where ProbeScript.validate(key: key) && snapshot.live[key] == nil {
            _ = index
            throw ProbeError.malformedSection(host: host, section: "live", detail: "no value reported for \(key)")
        }
        return snapshot
    }

    private func key(for section: Section) throws -> String {
        guard let argument = section.argument, let index = Int(argument), request.keys.indices.contains(index) else {
            throw ProbeError.malformedSection(host: host, section: section.name, detail: "bad key index '\(section.argument ?? "")'")
        }
        return request.keys[index]
    }

    private func text(_ section: Section) -> String {
        String(decoding: section.content, as: UTF8.self)
    }

    /// Finds every line that starts with `boundary + " "`. A section's content runs to the byte
    /// before the next header, minus the one `\n` the script appends after each section.
    func split(_ output: [UInt8]) throws -> [Section] {
        let marker = Array(request.boundary.utf8) + [0x20]
        var headerStarts: [Int] = []
        var lineStart = 0
        while lineStart < output.count {
            if output.count - lineStart >= marker.count, output[lineStart..<(lineStart + marker.count)].elementsEqual(marker) {
                headerStarts.append(lineStart)
            }
            guard let newline = output[lineStart...].firstIndex(of: 0x0A) else { break }
            lineStart = newline + 1
        }
        var sections: [Section] = []
        for (position, start) in headerStarts.enumerated() {
            let headerEnd = output[start...].firstIndex(of: 0x0A) ?? output.count
            let header = String(decoding: output[(start + marker.count)..<headerEnd], as: UTF8.self)
            let words = header.split(separator: " ", maxSplits: 1).map(String.init)
            let contentStart = min(headerEnd + 1, output.count)
            var contentEnd = position + 1 < headerStarts.count ? headerStarts[position + 1] : output.count
            if contentEnd > contentStart, output[contentEnd - 1] == 0x0A { contentEnd -= 1 }
            sections.append(Section(
                name: words.first ?? "", argument: words.count > 1 ? words[1] : nil,
                content: output[contentStart..<max(contentStart, contentEnd)]))
        }
        if let firstHeader = headerStarts.first, firstHeader != 0 {
            let firstLine = output.prefix { $0 != 0x0A }
            throw ProbeError.missingHeader(host: host, firstLine: String(decoding: firstLine.prefix(200), as: UTF8.self))
        }
        return sections
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var scalars = Substring(self)
        while let last = scalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
