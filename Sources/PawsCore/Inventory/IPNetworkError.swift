/// Why a text is not a CIDR network such as `10.244.0.0/16` or `fd00::/8`.
public enum IPNetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case invalidAddress(text: String)
    case invalidPrefixLength(text: String, maximum: Int)

    /// The text comes from an inventory: quoted so that control characters stay visible.
    public var description: String {
        switch self {
        case .empty:
            return "an empty network; expected a CIDR such as 10.244.0.0/16 or fd00::/8"
        case .invalidAddress(let text):
            return "\(InventoryText.quoted(text)) is not a network: the part before '/' must be an IPv4 address (10.244.0.0) "
                + "or an IPv6 address (fd00::)"
        case .invalidPrefixLength(let text, let maximum):
            return "\(InventoryText.quoted(text)) is not a network: the prefix length after '/' must be a whole number from 0 to \(maximum)"
        }
    }
}
