import Foundation

/// The local user name, which libssh uses as the remote user when nothing else names one.
enum LocalUser {
    static var name: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
