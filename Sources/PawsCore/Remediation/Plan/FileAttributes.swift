/// Mode and owner of a file on a host, as `stat -c '%a %u %g'` prints them (coreutils and busybox).
public struct FileAttributes: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Permission bits in octal digits, e.g. `644` or `4755`.
    public var mode: String
    public var uid: UInt32
    public var gid: UInt32

    public init?(mode: String, uid: UInt32, gid: UInt32) {
        guard (3...4).contains(mode.count), mode.allSatisfy({ ("0"..."7").contains($0) }) else { return nil }
        self.mode = mode
        self.uid = uid
        self.gid = gid
    }

    /// Parses one `stat -c '%a %u %g'` line.
    public init?(statLine: String) {
        let fields = statLine.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 3, let uid = UInt32(fields[1]), let gid = UInt32(fields[2]) else { return nil }
        self.init(mode: String(fields[0]), uid: uid, gid: gid)
    }

    public var description: String { "mode \(mode), owner \(uid):\(gid)" }
}
