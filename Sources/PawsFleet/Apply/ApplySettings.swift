import Foundation
import PawsCore

/// Everything an apply run needs besides the hosts.
public struct ApplySettings: Sendable {
    public var runID: RunID
    public var desired: [DesiredSetting]
    /// Host-side folder for backup copies: `<backupDirectory>/<run-id>/<real path>`.
    public var backupDirectory: String
    /// Checked before the change (must accept) and after it (must still accept).
    public var checkPort: Int?
    public var canary: Int
    public var batchSize: Int
    public var maxFailures: Int
    public var concurrency: Int
    public var toolVersion: String
    public var pauses: ApplyTestPauses
    public var stop: StopRequest

    public static let defaultBackupDirectory = "/var/backups/pawsguard"

    public init(
        runID: RunID, desired: [DesiredSetting], backupDirectory: String = ApplySettings.defaultBackupDirectory,
        checkPort: Int? = nil, canary: Int = 1, batchSize: Int = 5, maxFailures: Int = 0, concurrency: Int = 16,
        toolVersion: String, pauses: ApplyTestPauses = ApplyTestPauses(), stop: StopRequest = StopRequest()
    ) {
        self.runID = runID
        self.desired = desired
        self.backupDirectory = backupDirectory
        self.checkPort = checkPort
        self.canary = canary
        self.batchSize = batchSize
        self.maxFailures = maxFailures
        self.concurrency = concurrency
        self.toolVersion = toolVersion
        self.pauses = pauses
        self.stop = stop
    }

    public var planner: RemediationPlanner { RemediationPlanner(desired: desired, runID: runID) }

    /// The probe of an apply reads the desired keys and `tcp_timestamps` (context for the report).
    public var probeRequest: ProbeRequest {
        var keys = desired.map(\.key.dotted)
        if !keys.contains(SysctlKey.tcpTimestamps.dotted) { keys.append(SysctlKey.tcpTimestamps.dotted) }
        return ProbeRequest(keys: keys)
    }

    func backupPath(for realPath: String) -> String {
        backupDirectory + "/" + runID.value + realPath
    }
}

/// Test-only pauses, so integration tests can act at exact points of a run: kill the
/// orchestrator after an intent is journaled, change a file between the probe and the write,
/// or undo a change before verification. The CLI reads them from `PAWSGUARD_TEST_PAUSE_*`
/// (seconds); they are not options and never set in normal use.
public struct ApplyTestPauses: Sendable, Hashable {
    /// After each intent is fsynced, before its change is sent.
    public var afterIntent: Double?
    /// After the plan, before the host's first change (and before the lock is taken).
    public var beforeWrite: Double?
    /// After the host's changes, before verification.
    public var beforeVerify: Double?

    public init(afterIntent: Double? = nil, beforeWrite: Double? = nil, beforeVerify: Double? = nil) {
        self.afterIntent = afterIntent
        self.beforeWrite = beforeWrite
        self.beforeVerify = beforeVerify
    }

    static func sleep(_ seconds: Double?) {
        guard let seconds, seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}
