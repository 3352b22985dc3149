/// Why an inventory could not be read. Every case that comes from the file names `path:line`
/// (and the column for YAML), what was found and what was expected.
public enum InventoryError: Error, Sendable, Hashable, CustomStringConvertible {
    // Reading the file.
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)

    // INI structure.
    case unclosedSectionHeader(SourceLocation, line: String)
    case invalidSectionHeader(SourceLocation, header: String, problem: String)
    case unknownSectionKind(SourceLocation, header: String, kind: String)
    case expectedKeyValue(SourceLocation, found: String, context: String)
    case unterminatedQuote(SourceLocation, line: String)
    case danglingEscape(SourceLocation, line: String)
    case invalidGroupName(SourceLocation, name: String, problem: String)

    // Hosts.
    case invalidHostName(SourceLocation, name: String, problem: String)
    case invalidHostRange(SourceLocation, pattern: String, problem: String)
    case invalidHostPort(SourceLocation, pattern: String, port: String)

    // Groups.
    case undefinedChildGroup(SourceLocation, parent: String, child: String)
    case varsForUndefinedGroup(SourceLocation, group: String)
    case groupCycle(SourceLocation, cycle: [String])

    // Variables.
    case invalidVariableName(SourceLocation, name: String, problem: String)
    case duplicateKey(SourceLocation, keys: [String], context: String)
    case conflictingVariable(
        SourceLocation, owner: VariableOwner, variable: String, value: String,
        earlier: SourceLocation, earlierValue: String)
    case conflictingAliases(SourceLocation, owner: VariableOwner, variables: [String], values: [String])
    case invalidPort(SourceLocation, variable: String, value: String)
    case invalidBoolean(SourceLocation, variable: String, value: String)
    case invalidInteger(SourceLocation, variable: String, value: String)
    case invalidNATSource(SourceLocation, variable: String, entry: String, problem: IPNetworkError)
    case invalidVariableValue(SourceLocation, variable: String, value: String, problem: String)

    // YAML structure.
    case yamlSyntax(SourceLocation, problem: String)
    case yamlUnexpectedType(SourceLocation, subject: String, found: String, expected: String)
    case yamlUnexpectedKey(SourceLocation, group: String, key: String)

    /// Where in the file the problem is; nil when the file itself could not be read.
    public var location: SourceLocation? {
        switch self {
        case .unreadable, .notUTF8:
            return nil
        case .unclosedSectionHeader(let location, _),
             .invalidSectionHeader(let location, _, _),
             .unknownSectionKind(let location, _, _),
             .expectedKeyValue(let location, _, _),
             .unterminatedQuote(let location, _),
             .danglingEscape(let location, _),
             .invalidGroupName(let location, _, _),
             .invalidHostName(let location, _, _),
             .invalidHostRange(let location, _, _),
             .invalidHostPort(let location, _, _),
             .undefinedChildGroup(let location, _, _),
             .varsForUndefinedGroup(let location, _),
             .groupCycle(let location, _),
             .invalidVariableName(let location, _, _),
             .duplicateKey(let location, _, _),
             .conflictingVariable(let location, _, _, _, _, _),
             .conflictingAliases(let location, _, _, _),
             .invalidPort(let location, _, _),
             .invalidBoolean(let location, _, _),
             .invalidInteger(let location, _, _),
             .invalidNATSource(let location, _, _, _),
             .invalidVariableValue(let location, _, _, _),
             .yamlSyntax(let location, _),
             .yamlUnexpectedType(let location, _, _, _),
             .yamlUnexpectedKey(let location, _, _):
            return location
        }
    }

    public var description: String {
        let q = InventoryText.quoted
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read inventory \(q(path)): \(reason); pass an Ansible inventory file (INI or YAML) with -i"
        case .notUTF8(let path):
            return "cannot read inventory \(q(path)): it is not UTF-8 text; save it as UTF-8"
        case .unclosedSectionHeader(let location, let line):
            return "\(location): section header \(q(line)) has no closing ']'; expected [group], [group:vars] "
                + "or [group:children]"
        case .invalidSectionHeader(let location, let header, let problem):
            return "\(location): invalid section header \(q(header)): \(problem); expected [group], [group:vars] "
                + "or [group:children] with a group name without spaces"
        case .unknownSectionKind(let location, let header, let kind):
            return "\(location): section \(q(header)) has unknown type \(q(kind)); expected ':vars' or ':children'"
        case .expectedKeyValue(let location, let found, let context):
            return "\(location): expected key=value \(context), found \(q(found))"
        case .unterminatedQuote(let location, let line):
            return "\(location): unterminated quote in \(q(line)); close the quote or escape it with '\\'"
        case .danglingEscape(let location, let line):
            return "\(location): \(q(line)) ends with a lone '\\'; remove it or escape the character after it"
        case .invalidGroupName(let location, let name, let problem):
            return "\(location): invalid group name \(q(name)): \(problem)"
        case .invalidHostName(let location, let name, let problem):
            return "\(location): invalid host \(q(name)): \(problem)"
        case .invalidHostRange(let location, let pattern, let problem):
            return "\(location): invalid host range \(q(pattern)): \(problem); "
                + "expected [begin:end] or [begin:end:step], e.g. db[01:20] or web[a:f]"
        case .invalidHostPort(let location, let pattern, let port):
            return "\(location): host \(q(pattern)) has port \(q(port)); expected a whole number from 1 to 65535 after ':'"
        case .undefinedChildGroup(let location, let parent, let child):
            return "\(location): [\(parent):children] names group \(q(child)), which is never defined; "
                + "add a [\(child)] section (it may be empty) or fix the name"
        case .varsForUndefinedGroup(let location, let group):
            return "\(location): [\(group):vars] sets variables for group \(q(group)), which is never defined; "
                + "add a [\(group)] section (it may be empty) or fix the name"
        case .groupCycle(let location, let cycle):
            return "\(location): groups form a cycle (\(cycle.joined(separator: " -> "))); "
                + "a group cannot be its own ancestor"
        case .invalidVariableName(let location, let name, let problem):
            return "\(location): invalid variable name \(q(name)): \(problem)"
        case .duplicateKey(let location, let keys, let context):
            let noun = keys.count == 1 ? "key" : "keys"
            return "\(location): duplicated \(noun) \(InventoryText.quotedList(keys)) \(context); "
                + "each key may appear once"
        case .conflictingVariable(let location, let owner, let variable, let value, let earlier, let earlierValue):
            return "\(location): \(owner) sets \(variable) to \(q(value)), but \(earlier) already set it to "
                + "\(q(earlierValue)); give each variable one value per host or group"
        case .conflictingAliases(let location, let owner, let variables, let values):
            let pairs = zip(variables, values).map { "\($0)=\(q($1))" }.joined(separator: ", ")
            return "\(location): \(owner) sets the same setting under different names with different values "
                + "(\(pairs)); keep only one of them"
        case .invalidPort(let location, let variable, let value):
            return "\(location): \(variable) \(q(value)) is not a port; expected a whole number from 1 to 65535"
        case .invalidBoolean(let location, let variable, let value):
            return "\(location): \(variable) \(q(value)) is not a boolean; expected true/false, yes/no, on/off or 1/0"
        case .invalidInteger(let location, let variable, let value):
            return "\(location): \(variable) \(q(value)) is not a whole number"
        case .invalidNATSource(let location, let variable, let entry, let problem):
            return "\(location): \(variable) entry \(q(entry)) is invalid: \(problem); "
                + "expected comma-separated CIDRs such as 10.244.0.0/16,fd00::/8"
        case .invalidVariableValue(let location, let variable, let value, let problem):
            return "\(location): \(variable) \(q(value)) is invalid: \(problem)"
        case .yamlSyntax(let location, let problem):
            return "\(location): YAML syntax error: \(problem)"
        case .yamlUnexpectedType(let location, let subject, let found, let expected):
            return "\(location): \(subject) is \(found); expected \(expected)"
        case .yamlUnexpectedKey(let location, let group, let key):
            return "\(location): group \(q(group)) has unexpected key \(q(key)); "
                + "expected only 'hosts', 'children' and 'vars'"
        }
    }
}
