/// Whose variable an assignment is: a host's own or a group's.
public enum VariableOwner: Sendable, Hashable, Codable, CustomStringConvertible {
    case host(String)
    case group(String)

    public var description: String {
        switch self {
        case .host(let name): return "host \(InventoryText.quoted(name))"
        case .group(let name): return "group \(InventoryText.quoted(name))"
        }
    }
}
