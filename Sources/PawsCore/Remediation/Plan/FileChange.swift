/// The new contents of one configuration file, with every changed line listed.
///
/// `realPath` is the file the bytes live in, after following symlinks: the write goes there, so
/// a symlink such as `/etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf` stays a symlink.
public struct FileChange: Sendable, Hashable, Codable {
    public var realPath: String
    /// Configuration paths that lead to `realPath` through symlinks.
    public var linkedFrom: [String]
    public var oldBytes: [UInt8]
    public var newBytes: [UInt8]
    public var edits: [LineEdit]
    /// Mode and owner on the host, filled in after the plan by a `stat` on the host; the new
    /// file gets the same ones.
    public var attributes: FileAttributes?

    public init(realPath: String, linkedFrom: [String] = [], oldBytes: [UInt8], newBytes: [UInt8], edits: [LineEdit], attributes: FileAttributes? = nil) {
        self.realPath = realPath
        self.linkedFrom = linkedFrom
        self.oldBytes = oldBytes
        self.newBytes = newBytes
        self.edits = edits
        self.attributes = attributes
    }

    public var oldHash: String { SHA256.hexDigest(oldBytes) }
    public var newHash: String { SHA256.hexDigest(newBytes) }

    private enum CodingKeys: String, CodingKey {
        case realPath, linkedFrom, oldContent, newContent, oldHash, newHash, edits, attributes
    }

    // Contents are base64 so that every byte survives JSON; the hashes are written for readers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        realPath = try container.decode(String.self, forKey: .realPath)
        linkedFrom = try container.decodeIfPresent([String].self, forKey: .linkedFrom) ?? []
        oldBytes = try container.decode(Base64Bytes.self, forKey: .oldContent).bytes
        newBytes = try container.decode(Base64Bytes.self, forKey: .newContent).bytes
        edits = try container.decode([LineEdit].self, forKey: .edits)
        attributes = try container.decodeIfPresent(FileAttributes.self, forKey: .attributes)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(realPath, forKey: .realPath)
        try container.encode(linkedFrom, forKey: .linkedFrom)
        try container.encode(Base64Bytes(oldBytes), forKey: .oldContent)
        try container.encode(Base64Bytes(newBytes), forKey: .newContent)
        try container.encode(oldHash, forKey: .oldHash)
        try container.encode(newHash, forKey: .newHash)
        try container.encode(edits, forKey: .edits)
        try container.encodeIfPresent(attributes, forKey: .attributes)
    }
}
