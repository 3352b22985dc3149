import CLibSSH

/// The last error libssh recorded on a session, as text.
enum LibsshError {
    static func message(_ session: ssh_session) -> String {
        guard let cString = ssh_get_error(UnsafeMutableRawPointer(session)) else { return "unknown libssh error" }
        let text = String(cString: cString)
        return text.isEmpty ? "unknown libssh error" : text
    }
}
