/// What a reader (INI or YAML) has collected from a file, before groups are checked and variables
/// are resolved into hosts. Both readers fill it through the same calls, so both formats follow the
/// same rules.
struct InventoryDraft: Sendable {
    struct ChildEdge: Sendable, Hashable {
        var child: String
        var location: SourceLocation
    }

    struct Group: Sendable {
        var name: String
        /// Where a `[name]`/`[name:children]` section or a YAML group key first appeared; nil for the
        /// implicit `all` and `ungrouped`, or for a name only referenced so far.
        var location: SourceLocation?
        var isDefined: Bool
        var hostNames: [String] = []
        /// `hostNames` as a set: a range line declares thousands of hosts, and looking each one up
        /// in the array made reading such a group quadratic.
        var hostNameSet: Set<String> = []
        var children: [ChildEdge] = []
        var vars: [String: VariableAssignment] = [:]
        /// The first `[name:vars]` header, reported if the group is never defined.
        var varsSectionLocation: SourceLocation?
    }

    struct Host: Sendable {
        var name: String
        var location: SourceLocation
        var vars: [String: VariableAssignment] = [:]
    }

    static let allGroup = "all"
    static let ungroupedGroup = "ungrouped"

    let path: String
    private(set) var hostOrder: [String] = []
    private(set) var hosts: [String: Host] = [:]
    private(set) var groupOrder: [String] = []
    private(set) var groups: [String: Group] = [:]

    init(path: String) {
        self.path = path
        for implicit in [InventoryDraft.allGroup, InventoryDraft.ungroupedGroup] {
            groupOrder.append(implicit)
            groups[implicit] = Group(name: implicit, location: nil, isDefined: true)
        }
    }

    mutating func defineGroup(_ name: String, at location: SourceLocation) throws(InventoryError) {
        try Self.validateGroupName(name, at: location)
        touchGroup(name)
        groups[name]?.isDefined = true
        if groups[name]?.location == nil, name != InventoryDraft.allGroup, name != InventoryDraft.ungroupedGroup {
            groups[name]?.location = location
        }
    }

    /// An INI `[name:vars]` header: it does not define the group (Ansible requires the group elsewhere).
    mutating func noteVarsSection(for name: String, at location: SourceLocation) throws(InventoryError) {
        try Self.validateGroupName(name, at: location)
        touchGroup(name)
        if groups[name]?.varsSectionLocation == nil {
            groups[name]?.varsSectionLocation = location
        }
    }

    /// Records `child` under `parent`; the child must be defined somewhere in the file by the end.
    mutating func addChild(_ child: String, to parent: String, at location: SourceLocation) throws(InventoryError) {
        try Self.validateGroupName(child, at: location)
        touchGroup(parent)
        touchGroup(child)
        guard groups[parent]?.children.contains(where: { $0.child == child }) == false else { return }
        groups[parent]?.children.append(ChildEdge(child: child, location: location))
    }

    mutating func setGroupVariable(
        _ name: String, to value: String, in group: String, at location: SourceLocation
    ) throws(InventoryError) {
        touchGroup(group)
        var vars = groups[group]?.vars ?? [:]
        try Self.assign(name, value, at: location, owner: .group(group), into: &vars)
        groups[group]?.vars = vars
    }

    /// Declares `name` as a member of `group`; its variables follow through `setHostVariable`.
    mutating func declareHost(_ name: String, in group: String, at location: SourceLocation) throws(InventoryError) {
        if let problem = Self.hostNameProblem(name) {
            throw .invalidHostName(location, name: name, problem: problem)
        }
        touchGroup(group)
        if hosts[name] == nil {
            hostOrder.append(name)
            hosts[name] = Host(name: name, location: location)
        }
        if groups[group]?.hostNameSet.insert(name).inserted == true {
            groups[group]?.hostNames.append(name)
        }
    }

    mutating func setHostVariable(
        _ name: String, to value: String, on host: String, at location: SourceLocation
    ) throws(InventoryError) {
        var vars = hosts[host]?.vars ?? [:]
        try Self.assign(name, value, at: location, owner: .host(host), into: &vars)
        hosts[host]?.vars = vars
    }

    static func hostNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        return InventoryText.lineBreakingCharacterProblem(in: name)
    }

    private mutating func touchGroup(_ name: String) {
        guard groups[name] == nil else { return }
        groupOrder.append(name)
        groups[name] = Group(name: name, location: nil, isDefined: false)
    }

    private static func validateGroupName(_ name: String, at location: SourceLocation) throws(InventoryError) {
        if name.isEmpty {
            throw .invalidGroupName(location, name: name, problem: "the name is empty")
        }
        if let problem = InventoryText.lineBreakingCharacterProblem(in: name) {
            throw .invalidGroupName(location, name: name, problem: problem)
        }
    }

    /// Ansible silently keeps the last of two values given to the same variable of the same host or
    /// group; which one that is depends on file order, and for `ansible_host` or `ansible_port` it
    /// decides which machine gets changed. A second, different value is therefore an error here.
    private static func assign(
        _ name: String, _ value: String, at location: SourceLocation, owner: VariableOwner,
        into vars: inout [String: VariableAssignment]
    ) throws(InventoryError) {
        if name.isEmpty {
            throw .invalidVariableName(location, name: name, problem: "the name is empty")
        }
        if let problem = InventoryText.lineBreakingCharacterProblem(in: name) {
            throw .invalidVariableName(location, name: name, problem: problem)
        }
        let assignment = VariableAssignment(value: value, location: location)
        try KnownVariables.validate(name, assignment)
        if let earlier = vars[name] {
            guard earlier.value == value else {
                throw .conflictingVariable(
                    location, owner: owner, variable: name, value: value,
                    earlier: earlier.location, earlierValue: earlier.value)
            }
            return
        }
        vars[name] = assignment
    }
}
