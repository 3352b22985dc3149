import Foundation

/// The current user's home directory, for the `~/` that OpenSSH users write in paths.
enum HomeDirectory {
    static var path: String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            return home
        }
        return NSHomeDirectory()
    }

    /// Expands a leading `~/` (or a lone `~`); other paths are returned unchanged.
    static func expandingTilde(in path: String) -> String {
        if path == "~" { return self.path }
        guard path.hasPrefix("~/") else { return path }
        return self.path + path.dropFirst()
    }
}
