/// `--shard K/N`: a deterministic slice of the selected hosts.
///
/// A host's shard depends only on its name (FNV-1a 64-bit hash), so adding or removing hosts
/// elsewhere in the inventory never moves a host to another shard, and N runs on N machines
/// cover every host exactly once.
public struct InventoryShard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(InventoryShardError) {
        guard count >= 1, (1...count).contains(index) else { throw .outOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `2/8`.
    public init(parsing text: String) throws(InventoryShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw .malformed(text) }
        try self.init(index: index, count: count)
    }

    public func contains(_ host: InventoryHost) -> Bool {
        Int(Self.hash(host.name) % UInt64(count)) == index - 1
    }

    public func select(_ hosts: [InventoryHost]) -> [InventoryHost] {
        hosts.filter(contains)
    }

    public var description: String { "\(index)/\(count)" }

    static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

public enum InventoryShardError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformed(String)
    case outOfRange(index: Int, count: Int)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "--shard '\(text)': expected K/N, e.g. 2/8 (shard K of N, K from 1 to N)"
        case .outOfRange(let index, let count):
            return "--shard \(index)/\(count): K must be between 1 and N, and N at least 1"
        }
    }
}
