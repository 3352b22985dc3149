/// Merges a host's variable layers (lowest precedence first) into an `InventoryHost`.
enum HostSettingsResolver {
    typealias Layer = (owner: VariableOwner, vars: [String: VariableAssignment])

    static func resolve(host: InventoryDraft.Host, groups: [String], layers: [Layer]) throws(InventoryError) -> InventoryHost {
        var effective: [String: VariableAssignment] = [:]
        for layer in layers {
            effective.merge(layer.vars) { _, later in later }
        }

        let address = try setting(KnownVariables.address, in: layers)
        let port = try setting(KnownVariables.port, in: layers)
        let user = try setting(KnownVariables.user, in: layers)
        let identityFile = try setting(KnownVariables.identityFile, in: layers)
        let become = try setting(KnownVariables.become, in: layers)
        let becomeUser = try setting(KnownVariables.becomeUser, in: layers)
        let natClients = effective[KnownVariables.natClients]
        var natSources: [IPNetwork] = []
        if let sources = effective[KnownVariables.natSources] {
            natSources = try KnownVariables.networks(
                sources.value, variable: KnownVariables.natSources, location: sources.location)
        }

        return InventoryHost(
            name: host.name,
            address: address?.value ?? host.name,
            port: port.flatMap { KnownVariables.port($0.value) },
            user: user?.value,
            identityFile: identityFile?.value,
            become: become.flatMap { KnownVariables.boolean($0.value) } ?? false,
            becomeUser: becomeUser?.value,
            groups: groups,
            natClients: natClients.flatMap { KnownVariables.boolean($0.value) },
            natSources: natSources,
            vars: effective.mapValues(\.value),
            location: host.location)
    }

    /// The value of a setting spelled by any of `names`, from the most specific layer that sets one.
    private static func setting(_ names: [String], in layers: [Layer]) throws(InventoryError) -> VariableAssignment? {
        for layer in layers.reversed() {
            let present = names.compactMap { name in layer.vars[name].map { (name: name, assignment: $0) } }
            guard let first = present.first else { continue }
            if Set(present.map(\.assignment.value)).count > 1 {
                let latest = present.max { $0.assignment.location.line < $1.assignment.location.line } ?? first
                throw .conflictingAliases(
                    latest.assignment.location, owner: layer.owner,
                    variables: present.map(\.name), values: present.map(\.assignment.value))
            }
            return first.assignment
        }
        return nil
    }
}
