import CLibSSH
import Foundation

/// The TCP socket under a libssh session, for the moments we wait on it ourselves instead of
/// inside a blocking libssh call.
enum SessionSocket {
    /// Longest single wait, so a state change libssh hides from the socket still gets noticed.
    static let pollCapMilliseconds = 100

    /// Waits until the socket is readable (or writable, when libssh has output queued), the
    /// deadline passes, or `pollCapMilliseconds` elapse.
    static func wait(_ session: ssh_session, until deadline: SSHDeadline) {
        let descriptor = ssh_get_fd(session)
        guard descriptor >= 0 else { return }
        var events = Int16(POLLIN)
        if ssh_get_poll_flags(session) & SSH_WRITE_PENDING != 0 {
            events |= Int16(POLLOUT)
        }
        var pollDescriptor = pollfd(fd: descriptor, events: events, revents: 0)
        _ = poll(&pollDescriptor, 1, deadline.remainingMilliseconds(cappedAt: pollCapMilliseconds))
    }

    /// Makes the kernel acknowledge what arrives next at once instead of after its delayed-ACK
    /// timer (40 ms on Linux). Call it after sending a request whose answer the server may hold
    /// back with Nagle's algorithm until it sees that ACK: sshd leaves Nagle on before a session
    /// starts, and right after authentication it has unacknowledged output of its own (the
    /// hostkeys-00@openssh.com notice), so its reply to our channel open waited for our delayed
    /// ACK — 40 ms of every host's time on loopback. Linux leaves quick-ACK mode by itself again,
    /// so this affects only the next few segments. Elsewhere it does nothing.
    static func acknowledgeNextSegmentsImmediately(_ session: ssh_session) {
        #if os(Linux)
        let descriptor = ssh_get_fd(session)
        guard descriptor >= 0 else { return }
        var enabled: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_QUICKACK, &enabled, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }
}
