import PawsCore

/// What the inventory targets do with a parsed inventory: everything `audit --limit` and
/// `--shard` would, so group graphs and host names from the input reach the selection code too.
public enum InventoryExercise {
    public static func run(_ text: String, format: InventoryFormat) {
        let inventory: Inventory
        do {
            inventory = try InventoryParser.parse(text: text, path: "fuzz.\(format.rawValue)", format: format)
        } catch {
            // Errors quote inventory text so that a crafted value cannot forge extra output lines.
            require(!error.description.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\0" },
                         "an inventory error prints a raw line break or NUL: \(error.description.debugDescription)")
            _ = error.location
            return
        }
        var names = Set<String>()
        for host in inventory.hosts {
            require(names.insert(host.name).inserted, "host \(host.name) listed twice")
        }
        // `host(named:)` is a linear search: a few lookups, or a ranged inventory makes this quadratic.
        for host in inventory.hosts.prefix(8) {
            require(inventory.host(named: host.name) != nil, "host \(host.name) cannot be found by name")
        }
        for group in inventory.groups.keys.sorted() {
            _ = inventory.hosts(inGroup: group)
            if let selection = try? HostSelection(patterns: group + ":!" + group) {
                _ = try? inventory.select(selection)
            }
        }
        _ = try? inventory.select(.all)
        if let shard = try? InventoryShard(index: 1, count: 3) {
            _ = shard.select(inventory.hosts)
        }
    }
}
