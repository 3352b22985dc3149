import Foundation
import PawsCore

/// Runs commands on this machine through `/bin/sh -c`: `pawsguard audit --local` uses the same
/// probe and rules as a fleet audit, without SSH.
public final class LocalTransport: Transport {
    public let shell: String

    public init(shell: String = "/bin/sh") {
        self.shell = shell
    }

    public func run(_ command: String, stdin: [UInt8]?) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = ["-c", command]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw LocalTransportError.cannotStart(shell: shell, reason: "\(error)")
        }
        // Both streams (and stdin) move at once, so no pipe can fill up and stall the child.
        let group = DispatchGroup()
        let stderrBox = ByteBox()
        DispatchQueue.global().async(group: group) {
            stderrBox.bytes = [UInt8](errors.fileHandleForReading.readDataToEndOfFile())
        }
        DispatchQueue.global().async(group: group) {
            if let stdin, !stdin.isEmpty {
                try? input.fileHandleForWriting.write(contentsOf: Data(stdin))
            }
            try? input.fileHandleForWriting.close()
        }
        let stdoutBytes = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        group.wait()
        process.waitUntilExit()
        let status: Int32? = process.terminationReason == .exit ? process.terminationStatus : nil
        return CommandResult(stdout: stdoutBytes, stderr: stderrBox.bytes, exitStatus: status)
    }

    public func close() {}
}

public struct LocalTransportConnector: TransportConnector {
    public init() {}

    public func connect(to host: InventoryHost) throws -> any Transport {
        LocalTransport()
    }
}

public enum LocalTransportError: Error, Sendable, CustomStringConvertible {
    case cannotStart(shell: String, reason: String)

    public var description: String {
        switch self {
        case .cannotStart(let shell, let reason):
            return "localhost: cannot start \(shell): \(reason)"
        }
    }
}

/// Written once by one reader thread, read after `DispatchGroup.wait()`.
private final class ByteBox: @unchecked Sendable {
    var bytes: [UInt8] = []
}
