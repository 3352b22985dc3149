import CLibSSH

/// The libssh version this binary runs against, e.g. "0.10.6".
public enum SSHLibrary {
    public static var version: String {
        guard let cString = ssh_version(0) else { return "unknown" }
        return String(cString: cString)
    }
}
