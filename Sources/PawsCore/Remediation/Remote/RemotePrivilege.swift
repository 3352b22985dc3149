/// How a change reaches root on a host: directly when the login user is root, else through
/// `sudo -n`, which fails at once ("a password is required") instead of waiting for a password.
public enum RemotePrivilege: Sendable, Hashable, Codable, CustomStringConvertible {
    case loginUser
    /// `sudo -n -u USER` (root when nil).
    case sudo(user: String?)

    /// The privilege for a host whose login user has `uid`: root needs nothing, anybody else sudo.
    public static func forLogin(uid: String, becomeUser: String?) -> RemotePrivilege {
        if uid == "0" && (becomeUser == nil || becomeUser == "root") { return .loginUser }
        return .sudo(user: becomeUser)
    }

    /// A command that runs `script` (given on the command line; stdin stays free for data).
    public func command(script: String) -> String {
        prefix + "sh -c " + ShellQuote.quote(script)
    }

    /// A command that runs the script fed on stdin (the probe: long, and needs no stdin data).
    public var stdinScriptCommand: String { prefix + "sh -s" }

    private var prefix: String {
        switch self {
        case .loginUser: return ""
        case .sudo(let user):
            let target = user.map { "-u " + ShellQuote.quote($0) + " " } ?? ""
            return "sudo -n " + target + "-- "
        }
    }

    public var description: String {
        switch self {
        case .loginUser: return "as the login user"
        case .sudo(let user): return "through sudo -n" + (user.map { " as \($0)" } ?? "")
        }
    }
}

/// What `sudo -n` says when it cannot run the command, recognised on stderr.
public enum SudoRefusal: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case passwordRequired = "password-required"
    case notAllowed = "not-allowed"
    case ttyRequired = "tty-required"
    case missing

    /// Classifies stderr of a failed `sudo -n ...`; nil when sudo itself did not refuse.
    public static func classify(stderr: String, exitStatus: Int32?) -> SudoRefusal? {
        let text = stderr.lowercased()
        if text.contains("a password is required") || text.contains("password is required") { return .passwordRequired }
        if text.contains("you must have a tty") || text.contains("no tty present") { return .ttyRequired }
        if text.contains("is not in the sudoers file") || text.contains("is not allowed to") || text.contains("may not run sudo") {
            return .notAllowed
        }
        if exitStatus == 127 && text.contains("sudo") && text.contains("not found") { return .missing }
        return nil
    }

    public var description: String {
        switch self {
        case .passwordRequired:
            return "sudo needs a password for this user; pawsguard never types one. Allow the user passwordless sudo (NOPASSWD) or log in as root"
        case .notAllowed: return "sudo refuses this user; give it sudo rights or log in as root"
        case .ttyRequired: return "sudo demands a terminal (Defaults requiretty); allow this user without requiretty"
        case .missing: return "sudo is not installed on the host and the login user is not root"
        }
    }
}
