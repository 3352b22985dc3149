/// Everything one probe run saw on one host, as raw values. Interpretation (precedence, counters,
/// rules) happens elsewhere, so a snapshot can be stored, replayed and tested.
public struct HostSnapshot: Sendable, Codable, Hashable {
    public var probeVersion: Int
    public var kernelRelease: String?
    public var hostname: String?
    /// `/etc/os-release` as text, when readable.
    public var osRelease: String?
    /// Live `/proc/sys` values by dotted key.
    public var live: [String: LiveValue]
    /// Every sysctl configuration file the probe listed, in the order it listed them.
    public var configFiles: [ProbedFile]
    /// `/proc/net/netstat` text: one sample, or two when a sample interval was asked for.
    public var netstatSamples: [ProbedText]
    public var sampleIntervalSeconds: Int?
    public var tcp: ProbedText
    public var tcp6: ProbedText

    public init(
        probeVersion: Int = ProbeScript.formatVersion, kernelRelease: String? = nil, hostname: String? = nil,
        osRelease: String? = nil, live: [String: LiveValue] = [:], configFiles: [ProbedFile] = [],
        netstatSamples: [ProbedText] = [], sampleIntervalSeconds: Int? = nil,
        tcp: ProbedText = .absent, tcp6: ProbedText = .absent
    ) {
        self.probeVersion = probeVersion
        self.kernelRelease = kernelRelease
        self.hostname = hostname
        self.osRelease = osRelease
        self.live = live
        self.configFiles = configFiles
        self.netstatSamples = netstatSamples
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.tcp = tcp
        self.tcp6 = tcp6
    }
}

/// A live `/proc/sys` value as the probe found it.
///
/// JSON: `{"state": "value", "value": "1"}`, `{"state": "absent"}` or `{"state": "unreadable"}`.
public enum LiveValue: Sendable, Codable, Hashable, CustomStringConvertible {
    case value(String)
    /// The kernel has no such key (e.g. `tcp_tw_recycle` on 4.12 and later).
    case absent
    case unreadable

    public var value: String? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .value(let value): return value
        case .absent: return "absent"
        case .unreadable: return "unreadable"
        }
    }

    private enum CodingKeys: String, CodingKey { case state, value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .state) {
        case "value": self = .value(try container.decode(String.self, forKey: .value))
        case "absent": self = .absent
        case "unreadable": self = .unreadable
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container, debugDescription: "unknown live state '\(other)'; expected value, absent or unreadable")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .value(let value):
            try container.encode("value", forKey: .state)
            try container.encode(value, forKey: .value)
        case .absent: try container.encode("absent", forKey: .state)
        case .unreadable: try container.encode("unreadable", forKey: .state)
        }
    }
}

/// A text the probe tried to read.
public enum ProbedText: Sendable, Codable, Hashable {
    case text(String)
    case absent
    case unreadable

    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// One sysctl configuration file on the host.
public struct ProbedFile: Sendable, Codable, Hashable {
    public enum Content: Sendable, Codable, Hashable {
        case bytes([UInt8])
        /// A dangling symlink, or removed between listing and reading.
        case absent
        /// Exists but the probing user may not read it.
        case unreadable
    }

    public var path: String
    /// The target when `path` is a symlink: `/dev/null` or `/etc/sysctl.conf` when the link leads
    /// there (directly or through other links), otherwise as `readlink` printed it (may be relative).
    public var symlinkTarget: String?
    public var content: Content

    public init(path: String, symlinkTarget: String? = nil, content: Content) {
        self.path = path
        self.symlinkTarget = symlinkTarget
        self.content = content
    }

    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = content { return bytes }
        return nil
    }
}
