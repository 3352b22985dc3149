import Foundation
import PawsCore

/// Audits hosts: one connection and one probe round trip per host, then the playbooks' rules.
public struct FleetAudit: Sendable {
    public var playbooks: [Playbook]
    public var sampleIntervalSeconds: Int?
    public var connector: any TransportConnector
    public var runner: FleetRunner
    public var toolVersion: String

    public init(
        playbooks: [Playbook], sampleIntervalSeconds: Int? = nil, connector: any TransportConnector,
        concurrency: Int, toolVersion: String
    ) {
        self.playbooks = playbooks
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.connector = connector
        self.runner = FleetRunner(concurrency: concurrency)
        self.toolVersion = toolVersion
    }

    public func run(hosts: [InventoryHost], progress: (@Sendable (FleetProgress) -> Void)? = nil) async -> AuditReport {
        let builder = HostFactsBuilder(playbooks: playbooks)
        let request = ProbeRequest(
            keys: builder.keys, sampleIntervalSeconds: sampleIntervalSeconds,
            readsSocketTables: hosts.contains { !$0.natSources.isEmpty })
        let script = ProbeScript.make(request)
        let evaluators = playbooks.map(RuleEvaluator.init)
        let connector = self.connector
        let results = await runner.run(hosts: hosts, isFailure: { $0.status == .failed }, progress: progress) { host in
            Self.audit(host: host, connector: connector, script: script, request: request, builder: builder, evaluators: evaluators)
        }
        return AuditReport(
            toolVersion: toolVersion, generatedAt: Self.timestamp(), playbooks: playbooks.map(\.id),
            sampleIntervalSeconds: sampleIntervalSeconds, hosts: results)
    }

    /// One host's whole flow, on one pool thread.
    static func audit(
        host: InventoryHost, connector: any TransportConnector, script: String, request: ProbeRequest,
        builder: HostFactsBuilder, evaluators: [RuleEvaluator]
    ) -> HostAudit {
        let started = ContinuousClock.now
        func elapsed() -> Double {
            let duration = started.duration(to: .now)
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        do {
            let snapshot = try probe(host: host, connector: connector, script: script, request: request)
            let facts = builder.facts(host: host, snapshot: snapshot)
            let findings = evaluators.flatMap { $0.findings(for: facts) }
                .enumerated().sorted { lhs, rhs in
                    lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
                }.map(\.element)
            return HostAudit(
                host: host.name, address: host.address, status: .audited, kernelRelease: snapshot.kernelRelease,
                operatingSystem: OSReleaseText.prettyName(snapshot.osRelease), facts: facts, findings: findings,
                durationSeconds: elapsed())
        } catch {
            return .failed(host: host.name, address: host.address, failure: FailureClassifier.failure(from: error), durationSeconds: elapsed())
        }
    }

    /// Connects, runs the probe script on the host's `sh` and parses what it printed.
    public static func probe(host: InventoryHost, connector: any TransportConnector, script: String, request: ProbeRequest) throws -> HostSnapshot {
        let transport = try connector.connect(to: host)
        defer { transport.close() }
        // The script travels on stdin: it never appears in the remote process list, and the
        // command line stays a constant that no inventory value can change.
        let result = try transport.run("sh -s", stdin: Array(script.utf8))
        let parser = ProbeOutputParser(request: request, host: host.name)
        do {
            return try parser.parse(result.stdout)
        } catch let error as ProbeError {
            if let status = result.exitStatus, status != 0 {
                throw ProbeError.exitStatus(host: host.name, status: status, stderr: result.stderrText)
            }
            throw error
        }
    }

    public static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
