/// What to do when the server's host key is not yet in the known_hosts file.
///
/// A key that differs from the recorded one (changed, or recorded with another key type) is
/// refused under every policy: that is what a man-in-the-middle looks like.
public enum HostKeyPolicy: String, Sendable, Hashable, CaseIterable {
    /// Known keys pass; unknown hosts are refused (OpenSSH `StrictHostKeyChecking=yes`).
    case strict
    /// Unknown hosts are recorded in known_hosts and accepted (OpenSSH `accept-new`).
    case acceptNew
}
