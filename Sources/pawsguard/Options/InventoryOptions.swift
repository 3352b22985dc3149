import ArgumentParser
import PawsCore

/// `-i INVENTORY --limit PATTERN`, shared by every command that works on a fleet.
struct InventoryOptions: ParsableArguments {
    @Option(name: [.customShort("i"), .long], help: ArgumentHelp(
        "Ansible inventory file (INI or YAML).", discussion: "See inventory.example for the variables pawsguard reads.",
        valueName: "file"))
    var inventory: String?

    @Option(name: .long, help: ArgumentHelp(
        "Ansible-style host pattern: names, groups, globs (db*), ~regex, !exclude, &intersect; comma separated.",
        valueName: "pattern"))
    var limit: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only shard K of N (e.g. 2/8): a stable slice by host name, for splitting a big fleet across machines.",
        discussion: "Merge the shards' JSON reports with `pawsguard report merge`.", valueName: "K/N"))
    var shard: String?

    /// The selected hosts, or a usage error naming the file and line.
    func selectedHosts() throws -> [InventoryHost] {
        guard let inventory else {
            throw ValidationError("missing -i INVENTORY (an Ansible inventory file; see inventory.example), or use --local")
        }
        let loaded = try InventoryLoader.load(path: inventory)
        let selection = try limit.map { try HostSelection(patterns: $0) } ?? .all
        var hosts = try loaded.select(selection)
        if let shard {
            hosts = try InventoryShard(parsing: shard).select(hosts)
            // An empty shard is normal for small fleets split widely: nothing to do, not an error.
            return hosts
        }
        guard !hosts.isEmpty else {
            throw ValidationError("\(inventory): the inventory has no hosts\(limit.map { " matching --limit '\($0)'" } ?? "")")
        }
        return hosts
    }
}
