import Foundation
@testable import PawsCore

/// Builds probe snapshots for planner tests.
enum RemediationFixtures {
    static let runID = RunID("20261127T120000Z-abc123")!
    static let desired = [DesiredSetting(key: .tcpTwRecycle, value: "0")]
    static var planner: RemediationPlanner { RemediationPlanner(desired: desired, runID: runID) }

    /// A snapshot with `files` (path → bytes), `links` (path → target) and the live tw_recycle value
    /// (nil: the kernel has no such key).
    static func snapshot(
        files: [String: [UInt8]], links: [String: String] = [:], twRecycle: String?, kernel: String = "3.10.0-1160.el7.x86_64"
    ) -> HostSnapshot {
        var probed = files.sorted { $0.key < $1.key }.map { ProbedFile(path: $0.key, content: .bytes($0.value)) }
        for (path, target) in links.sorted(by: { $0.key < $1.key }) {
            let resolved = target.hasPrefix("/") ? target : (path.split(separator: "/").dropLast().joined(separator: "/") + "/" + target)
            let content = files[normalize("/" + resolved)].map { ProbedFile.Content.bytes($0) } ?? .absent
            probed.append(ProbedFile(path: path, symlinkTarget: target, content: content))
        }
        var live: [String: LiveValue] = ["net.ipv4.tcp_timestamps": .value("1")]
        live["net.ipv4.tcp_tw_recycle"] = twRecycle.map(LiveValue.value) ?? .absent
        return HostSnapshot(kernelRelease: kernel, live: live, configFiles: probed)
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    /// The snapshot after a plan's file changes and live writes took effect.
    static func applying(_ plan: HostPlan, to snapshot: HostSnapshot) -> HostSnapshot {
        var result = snapshot
        let newBytes = Dictionary(uniqueKeysWithValues: plan.fileChanges.map { ($0.realPath, $0.newBytes) })
        let configuration = SysctlConfigSet(probedFiles: snapshot.configFiles)
        for index in result.configFiles.indices {
            if case .contents(_, let realPath) = configuration.resolve(result.configFiles[index].path), let bytes = newBytes[realPath] {
                result.configFiles[index].content = .bytes(bytes)
            }
        }
        for write in plan.liveWrites { result.live[write.key.dotted] = .value(write.to) }
        return result
    }

    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
