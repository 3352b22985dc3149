import Foundation

/// Writes metric families in the Prometheus text exposition format (version 0.0.4), as
/// node_exporter's textfile collector reads it.
///
/// The collector rejects a whole file for a duplicated series, so a sample whose name and labels were
/// already written is skipped (a merged report can hold the same host twice).
struct PrometheusExposition {
    enum MetricType: String {
        case gauge
    }

    private(set) var text = ""
    private var writtenSeries = Set<String>()

    /// One family: `# HELP`, `# TYPE`, then its samples. Families without samples are left out.
    mutating func family(_ name: String, help: String, type: MetricType = .gauge, samples: [(labels: [(String, String)], value: String)]) {
        guard !samples.isEmpty else { return }
        text += "# HELP \(name) \(Self.escapedHelp(help))\n"
        text += "# TYPE \(name) \(type.rawValue)\n"
        for sample in samples {
            let labels = sample.labels.isEmpty
                ? ""
                : "{" + sample.labels.map { "\($0.0)=\"\(Self.escapedLabelValue($0.1))\"" }.joined(separator: ",") + "}"
            let series = name + labels
            guard writtenSeries.insert(series).inserted else { continue }
            text += "\(series) \(sample.value)\n"
        }
    }

    /// Label values escape backslash, double quote and line feed; nothing else needs it.
    static func escapedLabelValue(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// HELP text escapes backslash and line feed.
    static func escapedHelp(_ value: String) -> String {
        value.replacingBackslashAndNewline()
    }

    static func sampleValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A sysctl value as a sample value when it is a single number (`1`, `-1`, `0.5`);
    /// nil for text and multi-value keys such as `net.ipv4.tcp_rmem`.
    static func numericSampleValue(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }),
              let number = Double(trimmed), number.isFinite
        else { return nil }
        if let integer = Int64(trimmed) { return String(integer) }
        return sampleValue(number)
    }
}

private extension String {
    func replacingBackslashAndNewline() -> String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
