import Foundation
import PawsCore

/// `pawsguard apply` without the terminal: plan every host from a fresh probe, then (unless it
/// is a dry run) roll the changes out, canary first, in batches, stopping after too many failures.
public struct FleetApply: Sendable {
    public var settings: ApplySettings
    public var connector: any TransportConnector

    public init(settings: ApplySettings, connector: any TransportConnector) {
        self.settings = settings
        self.connector = connector
    }

    /// The planning pass: read-only on every host.
    public func plan(hosts: [InventoryHost], progress: (@Sendable (FleetProgress) -> Void)? = nil) async -> [PreparedHost] {
        let settings = self.settings
        let connector = self.connector
        let request = settings.probeRequest
        return await FleetRunner(concurrency: settings.concurrency).run(
            hosts: hosts, isFailure: { $0.problem?.outcome == .failed }, progress: progress
        ) { host in
            HostPreparation.prepare(host: host, connector: connector, settings: settings, request: request)
        }
    }

    /// The report of a dry run: every host's plan, nothing changed.
    public func dryRunReport(_ prepared: [PreparedHost]) -> ApplyReport {
        ApplyReport(
            runID: settings.runID, toolVersion: settings.toolVersion, generatedAt: JournalRecord.now(), dryRun: true,
            desired: settings.desired, hosts: prepared.map { $0.result(dryRun: true) })
    }

    /// Rolls the planned changes out. Hosts without changes are reported as they are; the
    /// others go canary first, then in batches; after each batch, more than `maxFailures`
    /// failed hosts stop the rollout and the rest are reported as not touched.
    public func rollout(
        _ prepared: [PreparedHost], journal: RunJournal, progress: (@Sendable (HostApplyResult) -> Void)? = nil
    ) async -> ApplyReport {
        var results: [String: HostApplyResult] = [:]
        var queue: [PreparedHost] = []
        for host in prepared {
            if host.needsChanges { queue.append(host) } else { results[host.host.name] = host.result(dryRun: false) }
        }
        let applier = HostApplier(settings: settings, journal: journal, connector: connector, request: settings.probeRequest)
        var failures = 0
        var stopReason: String?
        var position = 0
        var batchNumber = 0
        while position < queue.count {
            if let reason = settings.stop.requested {
                stopReason = "\(reason); not touched: " + queue[position...].map(\.host.name).joined(separator: ", ")
                for host in queue[position...] {
                    var result = host.result(dryRun: false)
                    result.outcome = .notTouched
                    result.reason = "rollout stopped: \(reason)"
                    results[host.host.name] = result
                }
                break
            }
            let size = batchNumber == 0 ? max(1, settings.canary) : max(1, settings.batchSize)
            let batch = Array(queue[position..<min(queue.count, position + size)])
            position += batch.count
            batchNumber += 1
            let batchResults = await FleetRunner(concurrency: min(settings.concurrency, batch.count)).run(
                hosts: batch.map(\.host)
            ) { host in
                guard let prepared = batch.first(where: { $0.host.name == host.name }) else {
                    return HostApplyResult(host: host.name, address: host.address, outcome: .failed, reason: "internal: host missing from its batch")
                }
                let result = applier.apply(prepared)
                progress?(result)
                return result
            }
            for result in batchResults { results[result.host] = result }
            failures += batchResults.filter { $0.outcome.isFailure }.count
            if failures > settings.maxFailures && position < queue.count {
                let untouched = queue[position...].map(\.host.name)
                stopReason = "\(failures) host(s) failed (--max-failures \(settings.maxFailures)) after \(batchNumber == 1 ? "the canary" : "batch \(batchNumber - 1)"); not touched: \(untouched.joined(separator: ", "))"
                for host in queue[position...] {
                    var result = host.result(dryRun: false)
                    result.outcome = .notTouched
                    result.reason = "rollout stopped after \(failures) failure(s) (--max-failures \(settings.maxFailures))"
                    results[host.host.name] = result
                }
                break
            }
        }
        let ordered = prepared.compactMap { results[$0.host.name] }
        let report = ApplyReport(
            runID: settings.runID, toolVersion: settings.toolVersion, generatedAt: JournalRecord.now(), dryRun: false,
            desired: settings.desired, hosts: ordered, stopReason: stopReason)
        try? journal.append(.runFinished(outcomes: report.summary.filter { $0.value > 0 }))
        return report
    }
}
