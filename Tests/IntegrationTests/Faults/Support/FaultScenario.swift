import Foundation

/// The hosts of `Tests/Scenarios/faults-matrix` and what the tests add to them.
enum FaultScenario {
    static let matrix = "faults-matrix"
    static let hostEnvironments = "faults-hosts"
    /// Healthy hosts that must come through every fault elsewhere: verified, every change in place.
    static let peers = ["peer-a", "peer-b"]
    static let target = "target"

    /// `/etc/sysctl.d/50-big.conf` on the target: about 350 KB of comments, then the bad line. A cut after
    /// 150 KB of server output lands in the probe's answer; after 200 KB of client output, in this file's
    /// write (its new content goes on stdin). Written at fleet start, not kept in git.
    static let bigFilePath = "/etc/sysctl.d/50-big.conf"

    static var bigFile: [UInt8] {
        var text = "# generated tuning: settings of retired hosts, kept for history\n"
        for index in 0..<6000 {
            text += "# net.ipv4.conf.eth\(index % 64).rp_filter = 1   (retired host \(String(format: "%05d", index)))\n"
        }
        text += "net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_tw_reuse = 1\n"
        return Array(text.utf8)
    }

    /// A server-to-client byte count inside the probe's answer, past key exchange and login (a few KB).
    static let cutInsideProbe = 150_000
    /// A client-to-server byte count inside the write of 50-big.conf (sysctl.conf's write comes first, a
    /// few KB); the planning connection sends far less, and `skip=1` spares it anyway.
    static let cutInsideBigWrite = 200_000

    static func prepareTarget(_ fleet: FaultFleet) throws {
        try fleet.write(bigFile, to: bigFilePath, on: target)
    }
}
