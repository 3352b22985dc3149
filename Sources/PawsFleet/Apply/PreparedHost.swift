import Foundation
import PawsCore

/// A host after the planning pass of a run: its plan, or why there is none.
public struct PreparedHost: Sendable {
    public var host: InventoryHost
    public var plan: HostPlan?
    /// Set when the host cannot be changed: the outcome it gets and why.
    public var problem: Problem?
    public var durationSeconds: Double

    public struct Problem: Sendable, Hashable {
        public var outcome: ApplyOutcome
        public var reason: String
    }

    /// A plan with changes and no problem: the host takes part in the rollout.
    public var needsChanges: Bool { problem == nil && !(plan?.isEmpty ?? true) }

    /// The report line for a host that is not (or not yet) changed.
    public func result(dryRun: Bool) -> HostApplyResult {
        if let problem {
            return HostApplyResult(
                host: host.name, address: host.address, outcome: problem.outcome, reason: problem.reason,
                kernelRelease: plan?.kernelRelease, plan: plan, durationSeconds: durationSeconds)
        }
        let isEmpty = plan?.isEmpty ?? true
        return HostApplyResult(
            host: host.name, address: host.address, outcome: isEmpty ? .unchanged : (dryRun ? .planned : .notTouched),
            reason: isEmpty ? "already right" : nil, kernelRelease: plan?.kernelRelease, plan: plan, durationSeconds: durationSeconds)
    }
}

/// The planning pass: probe each host (with its change privilege, so root-only files count),
/// plan, and read the mode and owner of every file the plan changes. Nothing is written.
enum HostPreparation {
    static func prepare(host: InventoryHost, connector: any TransportConnector, settings: ApplySettings, request: ProbeRequest) -> PreparedHost {
        let started = ContinuousClock.now
        func prepared(_ plan: HostPlan?, _ problem: PreparedHost.Problem? = nil) -> PreparedHost {
            PreparedHost(host: host, plan: plan, problem: problem, durationSeconds: started.duration(to: .now).seconds)
        }
        let connection: HostConnection
        do {
            connection = try HostConnection(host: host, connector: connector)
        } catch {
            return prepared(nil, PreparedHost.Problem(outcome: .failed, reason: Self.reason(error)))
        }
        defer { connection.close() }
        do {
            let snapshot = try connection.probe(request: request)
            var plan: HostPlan
            do {
                plan = try settings.planner.plan(host: host.name, snapshot: snapshot)
            } catch {
                return prepared(nil, PreparedHost.Problem(outcome: .skipped, reason: error.description))
            }
            let states = try connection.fileStates(plan.fileChanges.map(\.realPath))
            var canonical: [String: String] = [:]
            for (index, state) in states.enumerated() {
                let path = plan.fileChanges[index].realPath
                switch state {
                case .present(let hash, let attributes, let canonicalPath):
                    guard hash == plan.fileChanges[index].oldHash else {
                        return prepared(plan, PreparedHost.Problem(outcome: .skipped, reason: ApplyError.fileChangedSinceProbe(host: host.name, path: path).description))
                    }
                    plan.fileChanges[index].attributes = attributes
                    canonical[path] = canonicalPath
                case .absent, .notRegular:
                    return prepared(plan, PreparedHost.Problem(outcome: .skipped, reason: ApplyError.notRegularFile(host: host.name, path: path).description))
                }
            }
            guard let resolved = plan.resolvingCanonicalPaths(canonical) else {
                return prepared(plan, PreparedHost.Problem(
                    outcome: .skipped, reason: "\(host.name): two paths of one file (a symlinked directory) were planned differently; host left alone, please report this"))
            }
            plan = resolved
            return prepared(plan)
        } catch {
            return prepared(nil, PreparedHost.Problem(outcome: .failed, reason: Self.reason(error)))
        }
    }

    static func reason(_ error: any Error) -> String {
        if error is ApplyError || error is ProbeError { return "\(error)" }
        return FailureClassifier.failure(from: error).description
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
