/// Finds playbooks: the built-in ones by name, or a user's file (read by the caller).
public struct PlaybookCatalog: Sendable {
    public static let defaultPlaybookID = "tcp-tw-recycle-nat"

    public init() {}

    /// Every built-in playbook, parsed. A parse failure here is a build defect, caught by tests.
    public func builtins() throws -> [Playbook] {
        try BuiltinPlaybooks.files.map { name, yaml in
            try PlaybookLoader().load(yaml: yaml, source: "built-in:\(name)")
        }
    }

    /// A built-in playbook by id (`tcp-tw-recycle-nat`) or file name (`tcp-tw-recycle-nat.yml`).
    public func builtin(named name: String) throws -> Playbook? {
        let wanted = name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
        return try builtins().first { $0.id == wanted || $0.source == "built-in:\(wanted).yml" }
    }

    public var builtinNames: [String] {
        BuiltinPlaybooks.files.map { String($0.name.dropLast(4)) }
    }
}
