import XCTest
@testable import PawsCore

final class SysctlProcpsModelTests: XCTestCase {
    private typealias F = SysctlFixtures

    func testProcpsEtcSysctlConfAlwaysWins() throws {
        let host = F.host([
            "/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n",
            "/etc/sysctl.d/zz-last.conf": "net.ipv4.tcp_tw_recycle = 0\n",
            "/usr/lib/sysctl.d/99-vendor.conf": "net.ipv4.tcp_tw_recycle = 0\n",
        ])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), [
            "/usr/lib/sysctl.d/99-vendor.conf", "/etc/sysctl.d/zz-last.conf", "/etc/sysctl.conf",
        ])
        let setting = try XCTUnwrap(evaluation.setting(for: .tcpTwRecycle))
        XCTAssertEqual(setting.value, "1")
        XCTAssertEqual(setting.origin, SourceLocation(path: "/etc/sysctl.conf", line: 1))
        XCTAssertEqual(setting.shadowed.map(\.path), ["/usr/lib/sysctl.d/99-vendor.conf", "/etc/sysctl.d/zz-last.conf"])
    }

    func testProcpsFirstBasenameMasksLater() {
        let host = F.host([
            "/etc/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 0\n",
            "/run/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 2\n",
            "/usr/lib/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 1\n",
        ])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), ["/etc/sysctl.d/50-net.conf"])
        XCTAssertEqual(evaluation.skippedFiles, [
            SkippedSysctlFile(path: "/run/sysctl.d/50-net.conf", reason: .overriddenBy(path: "/etc/sysctl.d/50-net.conf")),
            SkippedSysctlFile(path: "/usr/lib/sysctl.d/50-net.conf", reason: .overriddenBy(path: "/etc/sysctl.d/50-net.conf")),
        ])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "0")
    }

    func testProcpsSortsByBasenameAcrossDirectories() {
        let host = F.host([
            "/etc/sysctl.d/20-admin.conf": "net.ipv4.tcp_tw_recycle = 0\n",
            "/usr/lib/sysctl.d/30-vendor.conf": "net.ipv4.tcp_tw_recycle = 1\n",
            "/run/sysctl.d/10-runtime.conf": "net.ipv4.tcp_tw_recycle = 2\n",
            // strcmp order: uppercase sorts before lowercase, digits before both.
            "/etc/sysctl.d/Zed.conf": "kernel.x = upper\n",
            "/etc/sysctl.d/alpha.conf": "kernel.x = lower\n",
        ])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), [
            "/run/sysctl.d/10-runtime.conf", "/etc/sysctl.d/20-admin.conf", "/usr/lib/sysctl.d/30-vendor.conf",
            "/etc/sysctl.d/Zed.conf", "/etc/sysctl.d/alpha.conf",
        ])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "1", "a vendor file named later beats /etc")
        XCTAssertEqual(evaluation.value(for: F.key("kernel.x")), "lower")
    }

    func testProcpsReadsOnlyConfFiles() {
        let host = F.host([
            "/etc/sysctl.d/README": "net.ipv4.tcp_tw_recycle = 1\n",
            "/etc/sysctl.d/10-x.conf.bak": "net.ipv4.tcp_tw_recycle = 1\n",
            "/etc/sysctl.d/10-x.conf.dpkg-old": "net.ipv4.tcp_tw_recycle = 1\n",
            "/etc/sysctl.d/.hidden.conf": "net.ipv4.tcp_tw_recycle = 0\n",
            "/etc/sysctl.d/sub/20-nested.conf": "net.ipv4.tcp_tw_recycle = 1\n",
        ])
        let evaluation = F.procps.evaluate(host)
        // procps skips only "." and ".."; a dot file ending in .conf is read.
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), ["/etc/sysctl.d/.hidden.conf"])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "0")
    }

    func testProcpsDevNullSymlinkMasks() {
        let host = F.host(
            ["/usr/lib/sysctl.d/50-tuning.conf": "net.ipv4.tcp_tw_recycle = 1\n"],
            symlinks: ["/etc/sysctl.d/50-tuning.conf": "/dev/null"])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles, [])
        XCTAssertEqual(evaluation.skippedFiles.map(\.reason), [
            .overriddenBy(path: "/etc/sysctl.d/50-tuning.conf"),
            .masked(chain: ["/etc/sysctl.d/50-tuning.conf", "/dev/null"]),
        ])
        XCTAssertNil(evaluation.setting(for: .tcpTwRecycle))
    }

    func testProcpsSkipsSysctlConfLinkedToDevNull() {
        let host = F.host(
            ["/etc/sysctl.d/10-fix.conf": "net.ipv4.tcp_tw_recycle = 0\n"],
            symlinks: ["/etc/sysctl.conf": "/dev/null"])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), ["/etc/sysctl.d/10-fix.conf"])
        XCTAssertEqual(evaluation.skippedFiles.map(\.path), ["/etc/sysctl.conf"])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "0")
    }

    func testProcpsReadsSysctlConfTwiceThroughDebianSymlink() throws {
        let host = F.host(
            ["/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n"], symlinks: F.debianSysctlConfLink)
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), ["/etc/sysctl.d/99-sysctl.conf", "/etc/sysctl.conf"])
        XCTAssertEqual(evaluation.appliedFiles.map(\.realPath), ["/etc/sysctl.conf", "/etc/sysctl.conf"])
        let setting = try XCTUnwrap(evaluation.setting(for: .tcpTwRecycle))
        XCTAssertEqual(setting.origin.path, "/etc/sysctl.conf")
        XCTAssertEqual(setting.shadowed, [SourceLocation(path: "/etc/sysctl.d/99-sysctl.conf", line: 1)])
        XCTAssertEqual(
            evaluation.assignments(to: .tcpTwRecycle).map(\.status), [.redundant, .effective])
    }

    func testLegacyProcpsRunBeforeEtc() {
        let host = F.host([
            "/run/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 1\n",
            "/etc/sysctl.d/50-net.conf": "net.ipv4.tcp_tw_recycle = 0\n",
        ])
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "0")
        let legacy = F.legacyProcps.evaluate(host)
        XCTAssertEqual(legacy.applier, .procpsLegacy)
        XCTAssertEqual(legacy.appliedFiles.map(\.path), ["/run/sysctl.d/50-net.conf"])
        XCTAssertEqual(legacy.value(for: .tcpTwRecycle), "1")
    }

    func testLegacyProcpsKnowsNoGlobs() {
        let host = F.host(["/etc/sysctl.conf": "net.ipv4.conf.*.rp_filter = 2\n"])
        let key = F.key("net.ipv4.conf.eth0.rp_filter")
        XCTAssertEqual(F.procps.evaluate(host).value(for: key), "2")
        let legacy = F.legacyProcps.evaluate(host)
        XCTAssertNil(legacy.value(for: key))
        XCTAssertEqual(legacy.assignments(to: key).map(\.status), [.unsupportedByApplier])
    }

    func testDuplicatesLastLineWins() throws {
        let host = F.host(["/etc/sysctl.conf": """
            net.ipv4.tcp_tw_recycle = 1
            net.ipv4.tcp_tw_recycle = 0
            net/ipv4/tcp_tw_recycle = 1

            """])
        let evaluation = F.procps.evaluate(host)
        let setting = try XCTUnwrap(evaluation.setting(for: .tcpTwRecycle))
        XCTAssertEqual(setting.origin.line, 3)
        XCTAssertEqual(setting.shadowed.map(\.line), [1, 2])
        XCTAssertEqual(evaluation.assignments(to: .tcpTwRecycle).map(\.status), [.redundant, .overridden, .effective])
    }

    func testGlobExplicitKeyWinsEvenWhenEarlier() throws {
        let host = F.host(["/etc/sysctl.conf": """
            net.ipv4.conf.eth0.rp_filter = 0
            net.ipv4.conf.*.rp_filter = 2

            """])
        let evaluation = F.procps.evaluate(host)
        let eth0 = F.key("net.ipv4.conf.eth0.rp_filter")
        let all = F.key("net.ipv4.conf.all.rp_filter")
        XCTAssertEqual(evaluation.value(for: eth0), "0")
        XCTAssertEqual(evaluation.assignments(to: eth0).map(\.status), [.effective, .preemptedByExplicitKey])
        let viaGlob = try XCTUnwrap(evaluation.setting(for: all))
        XCTAssertEqual(viaGlob.value, "2")
        XCTAssertEqual(viaGlob.viaGlob, F.key("net.ipv4.conf.*.rp_filter"))
    }

    func testGlobAppliesOnlyToLiveKeys() {
        let host = F.host(["/etc/sysctl.conf": "net.ipv4.conf.*.rp_filter = 2\nnet.ipv4.tcp_tw_recycle = 0\n"])
        let evaluation = F.procps.evaluate(host)
        let live: Set<SysctlKey> = [F.key("net.ipv4.conf.all.rp_filter"), F.key("net.ipv4.conf.lo.rp_filter")]
        let missing = F.key("net.ipv4.conf.eth9.rp_filter")
        XCTAssertNil(evaluation.value(for: missing, liveKeys: live))
        XCTAssertEqual(evaluation.assignments(to: missing, liveKeys: live).map(\.status), [.keyNotLive])
        XCTAssertEqual(evaluation.value(for: missing), "2", "without live keys a glob is assumed to reach the key")
        let table = evaluation.effectiveTable(liveKeys: live)
        XCTAssertEqual(Set(table.keys), live.union([.tcpTwRecycle]))
        XCTAssertEqual(evaluation.effectiveTable().keys.sorted(), [.tcpTwRecycle])
        XCTAssertEqual(evaluation.globPatterns, [F.key("net.ipv4.conf.*.rp_filter")])
    }

    func testGlobExclusionNamesExactKeys() {
        // Checked with procps-ng 4.0.2: an exclusion that is itself a pattern excludes nothing.
        let host = F.host(["/etc/sysctl.conf": """
            net.ipv4.conf.*.rp_filter = 2
            -net.ipv4.conf.lo.rp_filter
            -net.ipv4.conf.e*.rp_filter

            """])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.all.rp_filter")), "2")
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.eth0.rp_filter")), "2")
        XCTAssertNil(evaluation.value(for: F.key("net.ipv4.conf.lo.rp_filter")))
        XCTAssertEqual(
            evaluation.assignments(to: F.key("net.ipv4.conf.lo.rp_filter")).map(\.status), [.excludedFromGlobs])
    }

    func testProcpsExclusionDoesNotStopExplicitLines() {
        let host = F.host(["/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n-net.ipv4.tcp_tw_recycle\n"])
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "1")
    }

    func testLaterGlobWins() {
        let host = F.host(["/etc/sysctl.conf": "net.ipv4.conf.*.rp_filter = 2\nnet.ipv4.conf.e*.rp_filter = 1\n"])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.eth0.rp_filter")), "1")
        XCTAssertEqual(evaluation.value(for: F.key("net.ipv4.conf.lo.rp_filter")), "2")
    }

    func testDashPrefixSetsIgnoreFailure() throws {
        let host = F.host(["/etc/sysctl.d/10-x.conf": "-net.ipv4.tcp_tw_recycle = 0\n"])
        let setting = try XCTUnwrap(F.procps.evaluate(host).setting(for: .tcpTwRecycle))
        XCTAssertTrue(setting.ignoreFailure)
        XCTAssertEqual(setting.value, "0")
    }

    func testBlankAfterDashSetsNothingUnderProcps() {
        let host = F.host(["/etc/sysctl.conf": "- net.ipv4.tcp_tw_recycle = 1\n"])
        let procps = F.procps.evaluate(host)
        XCTAssertNil(procps.value(for: .tcpTwRecycle))
        XCTAssertEqual(procps.diagnostics.map(\.kind), [.blankAfterDash(key: "net.ipv4.tcp_tw_recycle")])
        XCTAssertEqual(F.systemd.evaluate(F.host(["/etc/sysctl.d/x.conf": "- net.ipv4.tcp_tw_recycle = 1\n"]))
            .value(for: .tcpTwRecycle), "1")
    }

    func testSymlinkedDropInIsEditedAtItsTarget() throws {
        let host = F.host(
            ["/opt/tuning/sysctl-tuning.conf": "net.ipv4.tcp_tw_recycle = 1\n"],
            symlinks: ["/etc/sysctl.d/60-tuning.conf": "../../opt/tuning/sysctl-tuning.conf"])
        let evaluation = F.procps.evaluate(host)
        let setting = try XCTUnwrap(evaluation.setting(for: .tcpTwRecycle))
        XCTAssertEqual(setting.origin.path, "/etc/sysctl.d/60-tuning.conf")
        XCTAssertEqual(setting.originRealPath, "/opt/tuning/sysctl-tuning.conf")
        XCTAssertEqual(evaluation.assignments(to: .tcpTwRecycle).map(\.realPath), ["/opt/tuning/sysctl-tuning.conf"])
    }

    func testSymlinkReadThroughWhenTargetNotListed() {
        // The probe read through the link but did not list the target itself.
        let link = SysctlConfigSet.File(
            path: "/etc/sysctl.d/60-tuning.conf", symlinkTarget: "/srv/cfg/t.conf", text: "net.ipv4.tcp_tw_recycle = 1\n")
        let evaluation = F.procps.evaluate(SysctlConfigSet(files: [link]))
        XCTAssertEqual(evaluation.appliedFiles.map(\.realPath), ["/srv/cfg/t.conf"])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "1")
    }

    func testDanglingSymlinkAndUnreadableFile() {
        let host = F.host(
            ["/etc/sysctl.d/10-ok.conf": "net.ipv4.tcp_tw_recycle = 0\n"],
            symlinks: ["/etc/sysctl.d/20-gone.conf": "/opt/removed.conf"],
            unreadable: ["/etc/sysctl.d/30-secret.conf"])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles.map(\.path), ["/etc/sysctl.d/10-ok.conf"])
        XCTAssertEqual(evaluation.skippedFiles.map(\.reason), [
            .missing(realPath: "/opt/removed.conf"), .unreadable(realPath: "/etc/sysctl.d/30-secret.conf"),
        ])
        XCTAssertFalse(evaluation.isComplete)
        XCTAssertEqual(evaluation.diagnostics.map(\.kind), [.unreadableFile(reason: "permission denied")])
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "0")
    }

    func testSymlinkLoop() {
        let host = F.host(symlinks: ["/etc/sysctl.d/a.conf": "b.conf", "/etc/sysctl.d/b.conf": "a.conf"])
        let evaluation = F.procps.evaluate(host)
        XCTAssertEqual(evaluation.appliedFiles, [])
        XCTAssertFalse(evaluation.isComplete)
    }

    func testProbedFilesBridge() {
        let probed = [
            ProbedFile(path: "/etc/sysctl.conf", content: .bytes(Array("net.ipv4.tcp_tw_recycle=1\n".utf8))),
            ProbedFile(path: "/etc/sysctl.d/99-sysctl.conf", symlinkTarget: "../sysctl.conf",
                       content: .bytes(Array("net.ipv4.tcp_tw_recycle=1\n".utf8))),
            ProbedFile(path: "/etc/sysctl.d/10-x.conf", content: .unreadable),
        ]
        let evaluation = F.procps.evaluate(SysctlConfigSet(probedFiles: probed))
        XCTAssertEqual(evaluation.value(for: .tcpTwRecycle), "1")
        XCTAssertFalse(evaluation.isComplete)
    }
}
