import Foundation
import XCTest
@testable import PawsCore

/// The built-in tcp-tw-recycle-nat playbook, rule by rule, on snapshots built by hand.
final class TwRecyclePlaybookTests: XCTestCase {
    private let playbook = try! XCTUnwrap(PlaybookCatalog().builtin(named: "tcp-tw-recycle-nat"))

    private func host(natClients: Bool? = nil, natSources: [String] = []) -> InventoryHost {
        InventoryHost(
            name: "db1", address: "10.0.0.1", natClients: natClients,
            natSources: natSources.compactMap { try? IPNetwork(parsing: $0) }, location: SourceLocation(path: "inv", line: 1))
    }

    private func snapshot(
        kernel: String, recycle: LiveValue, timestamps: LiveValue = .value("1"), files: [String: String] = [:],
        links: [String: String] = [:], netstat: [String] = [], tcp: String? = nil, osRelease: String? = nil
    ) -> HostSnapshot {
        var probed = files.sorted { $0.key < $1.key }.map { ProbedFile(path: $0.key, content: .bytes(Array($0.value.utf8))) }
        // The probe reads a symlink's target bytes through the link.
        probed += links.map { link, target in
            let resolved = target.hasPrefix("/") ? target : "/etc/sysctl.d/" + target
            let bytes = files.first { $0.key == resolved.replacingOccurrences(of: "/etc/sysctl.d/../", with: "/etc/") }?.value
            return ProbedFile(path: link, symlinkTarget: target, content: bytes.map { .bytes(Array($0.utf8)) } ?? .absent)
        }
        return HostSnapshot(
            kernelRelease: kernel, osRelease: osRelease,
            live: ["net.ipv4.tcp_tw_recycle": recycle, "net.ipv4.tcp_timestamps": timestamps], configFiles: probed,
            netstatSamples: netstat.map { .text($0) }, sampleIntervalSeconds: netstat.count > 1 ? 5 : nil,
            tcp: tcp.map { .text($0) } ?? .absent)
    }

    private func findings(_ snapshot: HostSnapshot, host: InventoryHost? = nil) -> [Finding] {
        let builder = HostFactsBuilder(playbooks: [playbook])
        return RuleEvaluator(playbook: playbook).findings(for: builder.facts(host: host ?? self.host(), snapshot: snapshot))
    }

    private func ids(_ findings: [Finding]) -> [String] { findings.map(\.ruleID) }

    func testIncidentHostWithDeclaredNatIsCritical() {
        let result = findings(
            snapshot(
                kernel: "3.10.0-1160.el7.x86_64", recycle: .value("1"), files: ["/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n"],
                links: ["/etc/sysctl.d/99-sysctl.conf": "../sysctl.conf"]),
            host: host(natClients: true))
        XCTAssertEqual(ids(result), ["tw-recycle-nat"])
        XCTAssertEqual(result.first?.severity, .critical)
        XCTAssertEqual(result.first?.origins, [SourceLocation(path: "/etc/sysctl.conf", line: 1)])
    }

    func testUnknownNatIsHigh() {
        XCTAssertEqual(ids(findings(snapshot(kernel: "4.4.0-210-generic", recycle: .value("1")))), ["tw-recycle-enabled"])
    }

    func testRandomizedOffsetKernelsAreCriticalWithoutNat() {
        let result = findings(snapshot(kernel: "4.11.12-generic", recycle: .value("1")))
        XCTAssertEqual(ids(result), ["tw-recycle-randomized-timestamps"])
        XCTAssertEqual(result.first?.severity, .critical)
    }

    func testBootConfigWillBreakHost() {
        let result = findings(snapshot(
            kernel: "4.4.0-210-generic", recycle: .value("0"), files: ["/etc/sysctl.d/99-timewait.conf": "# tuning\nnet.ipv4.tcp_tw_recycle=1\n"]))
        XCTAssertEqual(ids(result), ["tw-recycle-at-boot"])
        XCTAssertEqual(result.first?.origins, [SourceLocation(path: "/etc/sysctl.d/99-timewait.conf", line: 2)])
    }

    func testStaleLineOnModernKernel() {
        let result = findings(snapshot(
            kernel: "5.15.0-91-generic", recycle: .absent, files: ["/etc/sysctl.d/60-tuning.conf": "net/ipv4/tcp_tw_recycle = 1\r\n"]))
        XCTAssertEqual(ids(result), ["tw-recycle-stale-config"])
    }

    func testTimestampsOffMeansNoDropsButANote() {
        let result = findings(snapshot(kernel: "3.10.0-1160.el7.x86_64", recycle: .value("1"), timestamps: .value("0")), host: host(natClients: true))
        XCTAssertEqual(ids(result), ["timestamps-disabled"])
        XCTAssertEqual(result.first?.severity, .info)
    }

    func testDropInThatLosesUnderProcps() {
        // systemd never reads /etc/sysctl.conf without the 99-sysctl.conf link; procps reads it last.
        let result = findings(snapshot(
            kernel: "3.10.0-1160.el7.x86_64", recycle: .value("0"),
            files: ["/etc/sysctl.d/10-fix.conf": "net.ipv4.tcp_tw_recycle = 0\n", "/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n"]))
        XCTAssertEqual(Set(ids(result)), ["tw-recycle-at-boot", "appliers-disagree"])
    }

    func testNatEvidenceFromPeersAndCounters() {
        // 10.244.1.5:40000 → 10.0.0.1:3306 (0CEA), ESTABLISHED; and a listener on 3306.
        let tcp = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100000A:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 1 1 0 100 0 0 10 0
               1: 0100000A:0CEA 0501F40A:9C40 01 00000000:00000000 00:00000000 00000000   999        0 2 1 0 20 4 30 10 -1
            """
        let before = "TcpExt: PAWSPassive ListenDrops ListenOverflows\nTcpExt: 10 10 0\n"
        let after = "TcpExt: PAWSPassive ListenDrops ListenOverflows\nTcpExt: 15 16 0\n"
        let builder = HostFactsBuilder(playbooks: [playbook])
        let facts = builder.facts(
            host: host(natSources: ["10.244.0.0/16"]),
            snapshot: snapshot(kernel: "3.10.0-1160.el7.x86_64", recycle: .value("1"), netstat: [before, after], tcp: tcp))
        XCTAssertEqual(facts.nat.state, .exposed)
        XCTAssertEqual(facts.deltas?["PAWSPassive"], 5)
        XCTAssertTrue(facts.nat.evidence.contains(.peersInNatSources(peers: 1, addresses: ["10.244.1.5"], networks: ["10.244.0.0/16"])), "\(facts.nat.evidence)")
        let result = RuleEvaluator(playbook: playbook).findings(for: facts)
        XCTAssertEqual(ids(result), ["tw-recycle-nat", "paws-drops-now"])
    }

    func testDeclaredNotExposedStillLosesToCounters() {
        let netstat = "TcpExt: PAWSPassive ListenDrops\nTcpExt: 3 3\n"
        let facts = HostFactsBuilder(playbooks: [playbook]).facts(
            host: host(natClients: false), snapshot: snapshot(kernel: "3.10.0", recycle: .value("1"), netstat: [netstat]))
        XCTAssertEqual(facts.nat.state, .exposed)
    }

    func testCleanHostHasNoFindings() {
        XCTAssertEqual(findings(snapshot(kernel: "6.1.0-13-amd64", recycle: .absent, files: ["/etc/sysctl.conf": "# nothing\n"])), [])
    }

    func testLegacyProcpsChosenFromOSRelease() {
        XCTAssertTrue(ProcpsFlavor.isLegacy(osRelease: "ID=\"centos\"\nVERSION_ID=\"7\"\n"))
        XCTAssertTrue(ProcpsFlavor.isLegacy(osRelease: "ID=ubuntu\nVERSION_ID=\"20.04\"\n"))
        XCTAssertFalse(ProcpsFlavor.isLegacy(osRelease: "ID=ubuntu\nVERSION_ID=\"22.04\"\n"))
        XCTAssertFalse(ProcpsFlavor.isLegacy(osRelease: "ID=debian\nVERSION_ID=\"12\"\n"))
        XCTAssertFalse(ProcpsFlavor.isLegacy(osRelease: nil))
    }

    func testMessageTemplatesAreFilled() {
        let result = findings(snapshot(
            kernel: "4.4.0-210-generic", recycle: .value("0"), files: ["/etc/sysctl.d/99-timewait.conf": "net.ipv4.tcp_tw_recycle=1\n"]))
        let message = result.first?.message ?? ""
        XCTAssertTrue(message.contains("/etc/sysctl.d/99-timewait.conf:1"), message)
        XCTAssertFalse(message.contains("{"), message)
    }
}
