import CLibSSH
import Foundation

/// Turns a failed `ssh_connect` into the `SSHError` a person can act on.
///
/// libssh 0.10 only offers text: "Timeout connecting to X", "Connection refused", "Failed to
/// resolve hostname X (...)". How far the connection got is read from the session itself:
/// a server banner means key exchange had started; a connected socket without one means the
/// server never spoke; otherwise TCP never completed (a black-holed host).
enum ConnectFailureClassifier {
    static func classify(_ session: ssh_session, endpoint: SSHEndpoint, deadline: SSHDeadline) -> SSHError {
        let message = LibsshError.message(session)
        let phase = progress(session)
        if deadline.isExpired || message.contains("Timeout connecting") {
            return .timedOut(endpoint: endpoint, phase: phase, after: deadline.elapsed)
        }
        if message.contains("Connection refused") {
            return .connectionRefused(endpoint: endpoint)
        }
        let unreachableMarkers = ["resolve hostname", "No route to host", "Network is unreachable", "Host is unreachable"]
        if phase == .connect, unreachableMarkers.contains(where: message.contains) {
            return .unreachable(endpoint: endpoint, reason: message)
        }
        return .sessionFailed(endpoint: endpoint, phase: phase, reason: message)
    }

    static func progress(_ session: ssh_session) -> SSHPhase {
        if ssh_get_serverbanner(session) != nil { return .kex }
        let descriptor = ssh_get_fd(session)
        guard descriptor >= 0 else { return .connect }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let connected = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) == 0 }
        }
        return connected ? .banner : .connect
    }
}
