/// The upstream version a Linux kernel is based on: `major.minor.patch`, ordered numerically.
/// Distribution release strings (`3.10.0-1160.el7.x86_64`) are read by `KernelRelease`; this
/// type keeps only the numbers that feature facts are stated in.
public struct KernelVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int

    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `4.12`, `4.9.118` or a full release string such as `5.15.0-91-generic`.
    public init?(_ text: String) {
        guard let release = try? KernelRelease.parse(text) else { return nil }
        self = release.version
    }

    public static func < (lhs: KernelVersion, rhs: KernelVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    /// Encoded as its text, `4.12.0`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try KernelRelease.parse(text).version
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
