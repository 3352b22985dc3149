import Foundation

/// An inventory of 1,000 names on the `faults-load` fleet: 900 healthy names spread over four sshds
/// (known_hosts matches by address and port, so one sshd serves many names), and 100 faulty ones, 20 of
/// each kind, shuffled among them:
///
/// - `closed-NN`: an unused address of the fleet's prefix, nothing listens (connection refused);
/// - `blackhole-NN`: the black-hole listener (SYNs dropped: the connect times out);
/// - `silent-NN`: the listener that never sends a banner;
/// - `rekeyed-NN`: a working sshd that known_hosts lists with another host's key;
/// - `noauth-NN`: a working sshd, logging in as a user that does not exist there.
struct ThousandHostInventory {
    /// What the audit report must say of each name: `audited`, or the failure kind.
    let expected: [String: String]
    let inventoryPath: String
    let knownHostsPath: String

    static let healthyHosts = ["load-1", "load-2", "load-3", "load-4"]
    static let faultyPerKind = 20

    init(fleet: FaultFleet, directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        inventoryPath = directory + "/inventory.ini"
        knownHostsPath = directory + "/known_hosts"
        let key = fleet.fleet.clientKeyPath
        var lines: [String] = []
        var expected: [String: String] = [:]
        func add(_ name: String, _ host: (address: String, port: Int), user: String = "root", expect: String) {
            lines.append("\(name) ansible_host=\(host.address) ansible_port=\(host.port) ansible_user=\(user) ansible_ssh_private_key_file=\(key)")
            expected[name] = expect
        }
        func endpoint(_ name: String) throws -> (address: String, port: Int) {
            let host = try fleet.host(name)
            return (host.address, host.port)
        }

        let healthy = try Self.healthyHosts.map(endpoint)
        for index in 1...(1000 - 5 * Self.faultyPerKind) {
            add(String(format: "ok-%04d", index), healthy[index % healthy.count], expect: "audited")
        }
        let prefix = try fleet.prefix
        let port = try endpoint("load-1").port
        for index in 1...Self.faultyPerKind {
            let suffix = String(format: "%02d", index)
            add("closed-\(suffix)", ("\(prefix).\(200 + index)", port), expect: "unreachable")
            add("blackhole-\(suffix)", try endpoint("load-blackhole"), expect: "timeout")
            add("silent-\(suffix)", try endpoint("load-silent"), expect: "timeout")
            add("rekeyed-\(suffix)", try endpoint("load-rekeyed"), expect: "host-key-changed")
            add("noauth-\(suffix)", try endpoint("load-1"), user: "pawsguard-no-such-user", expect: "auth-failed")
        }
        // A fixed shuffle, so the faulty names are spread through the run and every rerun is the same.
        var generator = SplitMix64(seed: 8)
        lines.shuffle(using: &generator)
        try Data(("# 1,000 names for the load test\n" + lines.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: inventoryPath))

        var knownHosts = ""
        for name in Self.healthyHosts {
            let host = try endpoint(name)
            knownHosts += "[\(host.address)]:\(host.port) \(try fleet.hostKey(name))\n"
        }
        let rekeyed = try endpoint("load-rekeyed")
        knownHosts += "[\(rekeyed.address)]:\(rekeyed.port) \(try fleet.hostKey("load-1"))\n"
        try Data(knownHosts.utf8).write(to: URL(fileURLWithPath: knownHostsPath))
        self.expected = expected
    }
}

/// A small seeded generator (SplitMix64), for a shuffle that is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
