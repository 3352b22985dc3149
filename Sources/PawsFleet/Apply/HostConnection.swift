import Foundation
import PawsCore

/// One host's connection for an apply or a rollback: the transport, and how changes reach root
/// there (`RemotePrivilege`), found out once with `id -u`. Confined to the thread that opened it.
public final class HostConnection {
    public let host: InventoryHost
    public let privilege: RemotePrivilege
    private let transport: any Transport

    /// Connects and asks the login user's id.
    public init(host: InventoryHost, connector: any TransportConnector) throws {
        self.host = host
        transport = try connector.connect(to: host)
        do {
            let result = try transport.run("id -u", stdin: nil)
            let uid = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
            guard result.exitStatus == 0, !uid.isEmpty, uid.allSatisfy(\.isNumber) else {
                throw ApplyError.loginUserUnknown(host: host.name, output: result.stdoutText + result.stderrText)
            }
            privilege = RemotePrivilege.forLogin(uid: uid, becomeUser: host.becomeUser)
        } catch {
            transport.close()
            throw error
        }
    }

    public func close() {
        transport.close()
    }

    /// Runs `script` with the host's privilege; content for it goes on stdin. A sudo refusal
    /// ("a password is required") becomes `ApplyError.sudoRefused`.
    public func run(script: String, stdin: [UInt8]? = nil) throws -> CommandResult {
        try checked(transport.run(privilege.command(script: script), stdin: stdin))
    }

    /// Runs the probe with the host's privilege, so files only root may read are seen too.
    public func probe(request: ProbeRequest) throws -> HostSnapshot {
        let script = ProbeScript.make(request)
        let result = try checked(transport.run(privilege.stdinScriptCommand, stdin: Array(script.utf8)))
        do {
            return try ProbeOutputParser(request: request, host: host.name).parse(result.stdout)
        } catch let error as ProbeError {
            if let status = result.exitStatus, status != 0 {
                throw ProbeError.exitStatus(host: host.name, status: status, stderr: result.stderrText)
            }
            throw error
        }
    }

    /// Hash, mode and owner of each path.
    public func fileStates(_ paths: [String]) throws -> [RemoteFileStatScript.FileState] {
        guard !paths.isEmpty else { return [] }
        let result = try run(script: RemoteFileStatScript.script(paths: paths))
        guard result.exitStatus == 0, let states = RemoteFileStatScript.parse(result.stdout, count: paths.count) else {
            throw ApplyError.statFailed(host: host.name, output: result.stdoutText + result.stderrText)
        }
        return states
    }

    private func checked(_ result: CommandResult) throws -> CommandResult {
        if case .sudo = privilege, result.exitStatus != 0,
            let refusal = SudoRefusal.classify(stderr: result.stderrText, exitStatus: result.exitStatus)
        {
            throw ApplyError.sudoRefused(host: host.name, refusal: refusal, stderr: result.stderrText)
        }
        return result
    }
}
