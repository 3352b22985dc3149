import Foundation

/// Inventory variables that mean something to pawsguard, and the checks their values must pass.
///
/// Where Ansible has a legacy spelling (`ansible_ssh_host` for `ansible_host`...) both are listed,
/// modern first. Every other variable is kept as an uninterpreted string.
enum KnownVariables {
    static let address = ["ansible_host", "ansible_ssh_host"]
    static let port = ["ansible_port", "ansible_ssh_port"]
    static let user = ["ansible_user", "ansible_ssh_user"]
    static let identityFile = ["ansible_private_key_file", "ansible_ssh_private_key_file"]
    static let become = ["ansible_become"]
    static let becomeUser = ["ansible_become_user"]
    /// pawsguard: whether clients behind NAT (many machines sharing one source address) reach this host.
    static let natClients = "nat_clients"
    /// pawsguard: the CIDRs those NAT clients arrive from, as this host sees them.
    static let natSources = "nat_sources"
    /// Ansible: orders groups of the same depth before their names do.
    static let groupPriority = "ansible_group_priority"
    static let defaultGroupPriority = 1

    private static let textValued = Set(address + user + identityFile + becomeUser)
    private static let portValued = Set(port)
    private static let booleanValued = Set(become + [natClients])

    /// Checks a value as soon as it is read, so the error names the line that wrote it even when
    /// the variable is later overridden or set on a group without hosts.
    static func validate(_ name: String, _ assignment: VariableAssignment) throws(InventoryError) {
        let value = assignment.value
        let location = assignment.location
        if portValued.contains(name) {
            guard port(value) != nil else { throw .invalidPort(location, variable: name, value: value) }
        } else if booleanValued.contains(name) {
            guard boolean(value) != nil else { throw .invalidBoolean(location, variable: name, value: value) }
        } else if name == natSources {
            _ = try networks(value, variable: name, location: location)
        } else if name == groupPriority {
            guard Int(value.trimmingCharacters(in: .whitespaces)) != nil else {
                throw .invalidInteger(location, variable: name, value: value)
            }
        } else if textValued.contains(name) {
            if value.isEmpty {
                throw .invalidVariableValue(location, variable: name, value: value, problem: "it is empty")
            }
            if let problem = InventoryText.lineBreakingCharacterProblem(in: value) {
                throw .invalidVariableValue(location, variable: name, value: value, problem: problem)
            }
        }
    }

    static func port(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (1...5).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int(trimmed), (1...65535).contains(value)
        else { return nil }
        return value
    }

    /// Ansible's boolean spellings, case-insensitive: true/false, yes/no, on/off, y/n, t/f, 1/0.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on", "y", "t", "1", "1.0": return true
        case "false", "no", "off", "n", "f", "0", "0.0": return false
        default: return nil
        }
    }

    /// A list of CIDRs separated by commas or spaces. A surrounding `[...]` and quotes around entries
    /// are accepted, so a YAML list (rendered as `[a, b]`) and a Python-style list in INI both work.
    static func networks(_ text: String, variable: String, location: SourceLocation) throws(InventoryError) -> [IPNetwork] {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("["), body.hasSuffix("]") {
            body = body.dropFirst().dropLast()
        }
        let entries = body.split(whereSeparator: { $0 == "," || $0.isWhitespace })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        var networks: [IPNetwork] = []
        for entry in entries {
            do {
                networks.append(try IPNetwork(parsing: entry))
            } catch {
                throw .invalidNATSource(location, variable: variable, entry: entry, problem: error)
            }
        }
        return networks
    }
}
