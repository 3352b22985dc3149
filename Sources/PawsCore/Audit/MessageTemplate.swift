/// Fills a rule's message placeholders with one host's facts.
///
/// `{host}`, `{kernel}`, `{nat}`, `{interval}`, `{unreadable}`, `{live:KEY}`, `{procps:KEY}`,
/// `{systemd:KEY}`, `{procps_origin:KEY}`, `{systemd_origin:KEY}`, `{counter:NAME}`,
/// `{delta:NAME}`. An unknown placeholder is left as written, so a typo shows in the report.
struct MessageTemplate {
    let facts: HostFacts

    func render(_ template: String) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            output += value(of: String(name)) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private func value(of placeholder: String) -> String? {
        let parts = placeholder.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 1 {
            switch placeholder {
            case "host": return facts.host
            case "kernel": return facts.kernelRelease ?? "unknown"
            case "nat": return facts.nat.summary
            case "interval": return facts.sampleIntervalSeconds.map(String.init) ?? "?"
            case "unreadable": return facts.unreadableFiles.joined(separator: ", ")
            default: return nil
            }
        }
        let argument = parts[1]
        switch parts[0] {
        case "live": return facts.keys[argument]?.live.description ?? "not collected"
        case "procps": return facts.keys[argument]?.procps?.value ?? "unset"
        case "systemd": return facts.keys[argument]?.systemd?.value ?? "unset"
        case "procps_origin": return facts.keys[argument]?.procps?.origin.description ?? "no file"
        case "systemd_origin": return facts.keys[argument]?.systemd?.origin.description ?? "no file"
        case "counter": return facts.counters[argument].map(String.init) ?? "n/a"
        case "delta": return facts.deltas?[argument].map(String.init) ?? "n/a"
        default: return nil
        }
    }
}
