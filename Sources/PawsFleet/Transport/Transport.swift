import PawsCore

/// A connection to one host that runs `sh` commands.
///
/// A transport is confined to the thread that opened it (libssh sessions must not move between
/// threads), so it is deliberately not `Sendable`: the fleet runner opens, uses and closes it
/// inside one job on one dedicated thread.
public protocol Transport: AnyObject {
    /// Runs `command` through the host's shell with `stdin` fed to it, waiting for it to finish.
    func run(_ command: String, stdin: [UInt8]?) throws -> CommandResult
    func close()
}

/// Opens transports. Shared by every job of a run, so it must be `Sendable`.
public protocol TransportConnector: Sendable {
    func connect(to host: InventoryHost) throws -> any Transport
}
