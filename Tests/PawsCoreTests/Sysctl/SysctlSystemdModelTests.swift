import XCTest
@testable import PawsCore

final class SysctlSystemdModelTests: XCTestCase {
    private typealias F = SysctlFixtures

    func testSystemdDevNullSymlinkMasks() {
        let host = F.host(
            ["/usr/lib/sysctl.d/50-default.conf": "net.ipv4.tcp_tw_recycle = 1\n"],
            symlinks: ["/etc/sysctl.d/50-default.conf": "/dev/null"])
        let evaluation = F.systemd.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles, [])
        XCTAssertEqual(evaluation.skippedFiles.map(\.reason), [
            .overriddenBy(path: "/etc/sysctl.d/50-default.conf"),
            .masked(chain: ["/etc/sysctl.d/50-default.conf", "/dev/null"]),
        ])
        XCTAssertNil(evaluation.value(for: .tcpTwRecycle))
    }

    func testSystemdRelativeDevNullLinkMasksToo() {
        let host = F.host(
            ["/usr/lib/sysctl.d/50-default.conf": "net.ipv4.tcp_tw_recycle = 1\n"],
            symlinks: ["/etc/sysctl.d/50-default.conf": "../../dev/null"])
        XCTAssertNil(F.systemd.evaluate(host).value(for: .tcpTwRecycle))
    }

    func testSystemdReadsSysctlConfOnlyThroughSymlink() {
        let withoutLink = F.host(["/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n"])
        let evaluation = F.systemd.evaluate(withoutLink)
        XCTAssertEqual(evaluation.appliedFiles, [])
        XCTAssertEqual(evaluation.skippedFiles, [SkippedSysctlFile(path: "/etc/sysctl.conf", reason: .notReadByApplier)])
        XCTAssertNil(evaluation.value(for: .tcpTwRecycle))

        let withLink = F.host(["/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n"], symlinks: F.debianSysctlConfLink)
        let linked = F.systemd.evaluate(withLink)
        XCTAssertEqual(linked.appliedFiles.map(\.path), ["/etc/sysctl.d/99-sysctl.conf"])
        XCTAssertEqual(linked.appliedFiles.map(\.realPath), ["/etc/sysctl.conf"])
        XCTAssertEqual(linked.skippedFiles, [])
        XCTAssertEqual(linked.setting(for: .tcpTwRecycle)?.origin, SourceLocation(path: "/etc/sysctl.d/99-sysctl.conf", line: 1))
        XCTAssertEqual(linked.setting(for: .tcpTwRecycle)?.originRealPath, "/etc/sysctl.conf")
    }

    func testSystemdSameBasenameEtcBeatsRunBeatsUsr() {
        let host = F.host([
            "/run/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 2\n",
            "/usr/lib/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 1\n",
            "/usr/local/lib/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 3\n",
        ])
        XCTAssertEqual(F.systemd.evaluate(host).value(for: .tcpTwRecycle), "2")
        var withEtc = host
        withEtc.files.append(SysctlConfigSet.File(path: "/etc/sysctl.d/50-net.conf", text: "net.ipv4.tcp_tw_recycle = 0\n"))
        XCTAssertEqual(F.systemd.evaluate(withEtc).value(for: .tcpTwRecycle), "0")
    }

    func testSystemdSortsAllFilesByBasename() {
        let host = F.host([
            "/etc/sysctl.d/10-admin.conf": "net.ipv4.tcp_tw_recycle = 0\n",
            "/usr/lib/sysctl.d/99-vendor.conf": "net.ipv4.tcp_tw_recycle = 1\n",
        ])
        let evaluation = F.systemd.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), ["/etc/sysctl.d/10-admin.conf", "/usr/lib/sysctl.d/99-vendor.conf"])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "1")
    }

    func testSystemdIgnoresHiddenFiles() {
        let host = F.host(["/etc/sysctl.d/.50-hidden.conf": "net.ipv4.tcp_tw_recycle = 1\n"])
        let evaluation = F.systemd.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles, [])
        XCTAssertEqual(evaluation.skippedFiles.map(\.reason), [.hidden])
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "1", "procps reads dot files")
    }

    func testSystemdLibSysctlDOnlyForSplitUsr() {
        let host = F.host(["/lib/sysctl.d/50-x.conf": "net.ipv4.tcp_tw_recycle = 1\n"])
        XCTAssertNil(F.systemd.evaluate(host).value(for: .tcpTwRecycle))
        let splitUsr = SystemdSysctlModel(directories: SystemdSysctlModel.splitUsrDirectories)
        XCTAssertEqual(splitUsr.evaluate(host).value(for: .tcpTwRecycle), "1")
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "1")
    }

    func testSystemdSameValueKeepsEarlierOriginAndOrsIgnoreFailure() throws {
        let host = F.host([
            "/etc/sysctl.d/10-a.conf": "net.ipv4.tcp_tw_recycle = 1\n",
            "/etc/sysctl.d/20-b.conf": "-net.ipv4.tcp_tw_recycle = 1\n",
        ])
        let systemd = try XCTUnwrap(F.systemd.evaluate(host).setting(for: .tcpTwRecycle))
        XCTAssertEqual(systemd.origin.path, "/etc/sysctl.d/10-a.conf")
        XCTAssertTrue(systemd.ignoreFailure)
        let procps = try XCTUnwrap(F.procps.evaluate(host).setting(for: .tcpTwRecycle))
        XCTAssertEqual(procps.origin.path, "/etc/sysctl.d/20-b.conf")
        XCTAssertTrue(procps.ignoreFailure)
    }

    func testSystemdExclusionCancelsEarlierAssignment() {
        let host = F.host(["/etc/sysctl.d/50-x.conf": "net.ipv4.tcp_tw_recycle = 1\n-net.ipv4.tcp_tw_recycle\n"])
        let systemd = F.systemd.evaluate(host)
        XCTAssertNil(systemd.value(for: .tcpTwRecycle))
        XCTAssertEqual(systemd.assignments(to: .tcpTwRecycle).map(\.status), [.cancelledByExclusion])
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "1")
    }

    func testSystemdGlobExplicitKeyWinsEvenWhenEarlier() {
        let host = F.host(["/etc/sysctl.d/50-rp.conf": "net.ipv4.conf.eth0.rp_filter = 0\nnet.ipv4.conf.*.rp_filter = 2\n"])
        let evaluation = F.systemd.evaluate(host)
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.eth0.rp_filter")), "0")
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.all.rp_filter")), "2")
    }

    func testSystemdGlobExclusionMatchesExactKeysOnly() {
        let host = F.host(["/etc/sysctl.d/50-rp.conf": """
            net.ipv4.conf.*.rp_filter = 2
            -net.ipv4.conf.lo.rp_filter
            -net.ipv4.conf.e*.rp_filter

            """])
        let systemd = F.systemd.evaluate(host)
        XCTAssertNil(systemd.value(for: F.key("net.ipv4.conf.lo.rp_filter")))
        XCTAssertEqual(systemd.value(for: F.key("net.ipv4.conf.eth0.rp_filter")), "2", "a glob exclusion is a no-op")
    }

    func testSystemdLaterGlobWins() {
        let host = F.host(["/etc/sysctl.d/50-rp.conf": "net.ipv4.conf.*.rp_filter = 2\nnet.ipv4.conf.e*.rp_filter = 1\n"])
        let evaluation = F.systemd.evaluate(host)
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.eth0.rp_filter")), "1")
        XCTAssertEqual(
            evaluation.assignments(to: F.key("net.ipv4.conf.eth0.rp_filter")).map(\.status), [.overridden, .effective])
    }

    func testSystemdRepeatedGlobWithSameValueKeepsItsPlace() {
        // systemd keeps an option in place when a later line repeats its value, so the glob
        // in between is applied later and wins; procps writes the repeat last.
        let host = F.host(["/etc/sysctl.d/50-rp.conf": """
            net.ipv4.conf.*.rp_filter = 2
            net.ipv4.conf.e*.rp_filter = 1
            net.ipv4.conf.*.rp_filter = 2

            """])
        let eth0 = F.key("net.ipv4.conf.eth0.rp_filter")
        XCTAssertEqual(F.systemd.evaluate(host).value(for: eth0), "1")
        XCTAssertEqual(F.procps.evaluate(host).value(for: eth0), "2")
    }

    func testSystemdGlobCancelledBySamePatternExclusion() {
        let host = F.host(["/etc/sysctl.d/50-rp.conf": "net.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.*.rp_filter\n"])
        let key = F.key("net.ipv4.conf.all.rp_filter")
        let evaluation = F.systemd.evaluate(host)
        XCTAssertNil(evaluation.value(for: key))
        XCTAssertEqual(evaluation.assignments(to: key).map(\.status), [.cancelledByExclusion])
    }

    func testSystemdGlobOnlyReachesLiveKeys() {
        let host = F.host(["/etc/sysctl.d/50-rp.conf": "net.ipv4.conf.*.rp_filter = 2\n"])
        let evaluation = F.systemd.evaluate(host)
        let live: Set<SysctlKey> = [F.key("net.ipv4.conf.all.rp_filter")]
        XCTAssertEqual(evaluation.effectiveTable(liveKeys: live).mapValues(\.value), [F.key("net.ipv4.conf.all.rp_filter"): "2"])
        XCTAssertNil(evaluation.value(for: F.key("net.ipv4.conf.eth0.rp_filter"), liveKeys: live))
    }
}
