import Foundation
import PawsCore
import XCTest

/// What a run meant to leave on one host: each real file's new SHA-256 and each live value's new value
/// (by its file name under /proc/sys/net/ipv4, as `HostState.live` has them).
struct PlannedChanges: Equatable {
    var files: [String: String] = [:]
    var live: [String: String] = [:]

    init(plan: HostPlan?) {
        for change in plan?.fileChanges ?? [] { files[change.realPath] = change.newHash }
        for write in plan?.liveWrites ?? [] { live[Self.liveName(write.key)] = write.to }
    }

    init() {}

    /// Per host, every change the journal announced (an intent may or may not have happened).
    static func fromJournal(_ records: [JournalRecord]) -> [String: PlannedChanges] {
        var planned: [String: PlannedChanges] = [:]
        for record in records {
            switch record.event {
            case .fileIntent(let host, _, let intent): planned[host, default: PlannedChanges()].files[intent.realPath] = intent.newHash
            case .liveIntent(let host, _, let intent): planned[host, default: PlannedChanges()].live[liveName(intent.key)] = intent.newValue
            default: break
            }
        }
        return planned
    }

    /// Per host, the plans of an apply report (empty for a host that was never planned).
    static func fromReport(_ report: ApplyReport) -> [String: PlannedChanges] {
        Dictionary(uniqueKeysWithValues: report.hosts.map { ($0.host, PlannedChanges(plan: $0.plan)) })
    }

    private static func liveName(_ key: SysctlKey) -> String {
        String(key.dotted.split(separator: ".").last ?? "")
    }
}

/// Where each file and live value of a host stands against a run: as before, as the run meant, or neither.
struct BeforeOrAfter {
    enum Side: String { case before, after }

    var sides: [String: Side] = [:]
    var problems: [String] = []
    /// The entries of `sides` the run meant to change.
    private var plannedEntries: Set<String> = []

    /// Compares `now` with `before` and with what `planned` meant to write: every file must be byte for byte
    /// one or the other (same mode and owner, symlinks untouched), no file may appear or vanish, and every
    /// live value must be the old or the planned one.
    init(before: HostState, now: HostState, planned: PlannedChanges) {
        plannedEntries = Set(planned.files.keys).union(planned.live.keys.map { "live " + $0 })
        let paths = Set(before.files.keys).union(now.files.keys)
        for path in paths.sorted() {
            guard let old = before.files[path] else { problems.append("\(path) appeared (\(now.files[path].map(Self.summary) ?? ""))"); continue }
            guard let new = now.files[path] else { problems.append("\(path) vanished"); continue }
            if old.symlinkTarget != nil || new.symlinkTarget != nil {
                if old.symlinkTarget != new.symlinkTarget { problems.append("\(path): changed from \(Self.summary(old)) to \(Self.summary(new))") }
                continue
            }
            if [old.mode, old.owner, old.group] != [new.mode, new.owner, new.group] {
                problems.append("\(path): mode/owner changed from \(old.mode)/\(old.owner):\(old.group) to \(new.mode)/\(new.owner):\(new.group)")
            }
            if new.bytes == old.bytes {
                sides[path] = .before
            } else if let wanted = planned.files[path], SHA256.hexDigest(new.bytes) == wanted {
                sides[path] = .after
            } else {
                problems.append("\(path) is neither its old content nor what the run meant to write (partial?): \(Self.summary(new))")
            }
        }
        for (name, value) in now.live {
            let old = before.live[name]
            if value == old {
                sides["live " + name] = .before
            } else if let wanted = planned.live[name], value.trimmingCharacters(in: .whitespacesAndNewlines) == wanted {
                sides["live " + name] = .after
            } else {
                problems.append("live \(name) is \(value.debugDescription): neither \(old.debugDescription) nor \(planned.live[name].debugDescription)")
            }
        }
    }

    /// Size, mode, owner and the first bytes: enough to see what a file is without printing all of it.
    static func summary(_ file: HostFile) -> String {
        if let target = file.symlinkTarget { return "symlink -> \(target)" }
        let head = String(decoding: file.bytes.prefix(80), as: UTF8.self).debugDescription
        return "\(file.bytes.count) bytes, mode \(String(file.mode, radix: 8)), \(file.owner):\(file.group), starting \(head)"
    }

    var allBefore: Bool { problems.isEmpty && sides.values.allSatisfy { $0 == .before } }
    /// Every change the run meant is in place, and nothing else changed.
    var allAfter: Bool {
        problems.isEmpty && sides.allSatisfy { entry, side in side == (plannedEntries.contains(entry) ? .after : .before) }
            && plannedEntries.isSubset(of: sides.keys)
    }

    var description: String {
        (sides.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" } + problems.map { "PROBLEM \($0)" }).joined(separator: "; ")
    }
}

extension FaultFleet {
    /// Every host's state, for a later `assertBeforeOrAfter`.
    func states(_ hosts: [String]) throws -> [String: HostState] {
        try Dictionary(uniqueKeysWithValues: hosts.map { ($0, try state(of: $0)) })
    }

    /// Fails unless each host's files and live values are, one by one, as before or as the run meant
    /// (never partial, nothing added or removed, no temporary file left); returns where each host stands.
    @discardableResult
    func assertBeforeOrAfter(
        _ before: [String: HostState], planned: [String: PlannedChanges], file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String: BeforeOrAfter] {
        var result: [String: BeforeOrAfter] = [:]
        for (host, old) in before.sorted(by: { $0.key < $1.key }) {
            let comparison = BeforeOrAfter(before: old, now: try state(of: host), planned: planned[host] ?? PlannedChanges())
            XCTAssertEqual(comparison.problems, [], "\(host): \(comparison.description)", file: file, line: line)
            XCTAssertEqual(try strayTemporaryFiles(on: host), [], "\(host): temporary files left behind", file: file, line: line)
            result[host] = comparison
        }
        return result
    }

    /// Fails unless every host is exactly as in `before` (bytes, modes, owners, symlinks, live values;
    /// modification times may differ after a rollback), with no temporary file left.
    func assertRestored(_ before: [String: HostState], file: StaticString = #filePath, line: UInt = #line) throws {
        for (host, old) in before.sorted(by: { $0.key < $1.key }) {
            let now = try state(of: host)
            let differences = BeforeOrAfter(before: old, now: now, planned: PlannedChanges())
            XCTAssertTrue(now.sameContent(as: old), "\(host) is not as before: \(differences.problems.joined(separator: "; "))", file: file, line: line)
            XCTAssertEqual(try strayTemporaryFiles(on: host), [], "\(host): temporary files left behind", file: file, line: line)
        }
    }
}
