import XCTest
@testable import PawsCore

final class RemediationPlannerTests: XCTestCase {
    private typealias F = RemediationFixtures
    private let marker = "# pawsguard 20261127T120000Z-abc123: "

    func testKeySetInThreeFilesThroughASymlinkIsCommentedOutEverywhere() throws {
        let sysctlConf = "# defaults\nnet.ipv4.tcp_fin_timeout = 30\n   net.ipv4.tcp_tw_recycle   =   1   \nnet.ipv4.tcp_fin_timeout = 30\n"
        let dropIn = "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_tw_recycle=1\n"
        let vendor = "net/ipv4/tcp_tw_recycle = 1\nkernel.sysrq = 16\n"
        let snapshot = F.snapshot(
            files: ["/etc/sysctl.conf": F.text(sysctlConf), "/etc/sysctl.d/60-tuning.conf": F.text(dropIn),
                    "/usr/lib/sysctl.d/50-vendor.conf": F.text(vendor)],
            links: ["/etc/sysctl.d/99-sysctl.conf": "../sysctl.conf"], twRecycle: "1")
        let plan = try F.planner.plan(host: "db1", snapshot: snapshot)

        XCTAssertEqual(plan.liveWrites, [LiveWrite(key: .tcpTwRecycle, from: "1", to: "0")])
        XCTAssertEqual(plan.fileChanges.map(\.realPath), ["/etc/sysctl.conf", "/etc/sysctl.d/60-tuning.conf", "/usr/lib/sysctl.d/50-vendor.conf"])
        let conf = try XCTUnwrap(plan.fileChanges.first)
        XCTAssertEqual(conf.linkedFrom, ["/etc/sysctl.d/99-sysctl.conf"], "the symlink leads to the real file, which is the one edited")
        XCTAssertEqual(String(decoding: conf.newBytes, as: UTF8.self),
                       "# defaults\nnet.ipv4.tcp_fin_timeout = 30\n\(marker)   net.ipv4.tcp_tw_recycle   =   1   \nnet.ipv4.tcp_fin_timeout = 30\n")
        XCTAssertEqual(conf.edits.map(\.line), [3])
        XCTAssertEqual(conf.edits.first?.kind, .commentOut)
        XCTAssertEqual(String(decoding: plan.fileChanges[2].newBytes, as: UTF8.self), "\(marker)net/ipv4/tcp_tw_recycle = 1\nkernel.sysrq = 16\n")
        XCTAssertTrue(plan.notes.contains { $0.contains("kernel default 0") })
    }

    func testAfterThePlanBothAppliersLeaveTheKeyUnsetAndASecondPlanIsEmpty() throws {
        let snapshot = F.snapshot(
            files: ["/etc/sysctl.conf": F.text("net.ipv4.tcp_tw_recycle = 1\n"), "/etc/sysctl.d/10-fix.conf": F.text("net.ipv4.tcp_tw_recycle = 0\n")],
            links: ["/etc/sysctl.d/99-sysctl.conf": "../sysctl.conf"], twRecycle: "1")
        let plan = try F.planner.plan(host: "db1", snapshot: snapshot)
        XCTAssertEqual(plan.fileChanges.map(\.realPath), ["/etc/sysctl.conf"], "a line that already sets 0 on a 3.10 kernel stays")
        let after = F.applying(plan, to: snapshot)
        let configuration = SysctlConfigSet(probedFiles: after.configFiles)
        for model in [ProcpsSystemModel(), ProcpsSystemModel(legacy: true)] as [any SysctlApplierModel] + [SystemdSysctlModel()] {
            XCTAssertEqual(model.evaluate(configuration).value(for: .tcpTwRecycle), "0", "\(model.applier)")
        }
        XCTAssertTrue(try F.planner.plan(host: "db1", snapshot: after).isEmpty)
    }

    func testCRLFAndMissingFinalNewlineKeepEveryOtherByte() throws {
        let crlf = F.text("# laptop\r\nnet.ipv4.tcp_timestamps = 1\r\nnet.ipv4.tcp_tw_recycle = 1\r\nnet.ipv4.tcp_tw_reuse = 1\r\n")
        let noEOL = F.text("net.core.somaxconn = 4096\nnet.ipv4.tcp_tw_recycle=1")
        let snapshot = F.snapshot(files: ["/etc/sysctl.d/70-crlf.conf": crlf, "/etc/sysctl.d/80-noeol.conf": noEOL], twRecycle: "1", kernel: "4.4.0-210-generic")
        let plan = try F.planner.plan(host: "u16", snapshot: snapshot)
        XCTAssertEqual(plan.fileChanges.count, 2)
        XCTAssertEqual(plan.fileChanges[0].newBytes,
                       F.text("# laptop\r\nnet.ipv4.tcp_timestamps = 1\r\n\(marker)net.ipv4.tcp_tw_recycle = 1\r\nnet.ipv4.tcp_tw_reuse = 1\r\n"))
        XCTAssertEqual(plan.fileChanges[1].newBytes, F.text("net.core.somaxconn = 4096\n\(marker)net.ipv4.tcp_tw_recycle=1"))
    }

    func testNonUTF8BytesSurvive() throws {
        let bytes: [UInt8] = Array("# caf".utf8) + [0xE9, 0xFF] + Array("\nnet.ipv4.tcp_tw_recycle = 1\n".utf8)
        let plan = try F.planner.plan(host: "h", snapshot: F.snapshot(files: ["/etc/sysctl.conf": bytes], twRecycle: "1"))
        XCTAssertEqual(plan.fileChanges.first?.newBytes, Array("# caf".utf8) + [0xE9, 0xFF] + Array("\n\(marker)net.ipv4.tcp_tw_recycle = 1\n".utf8))
    }

    func testOnA412KernelEveryLineIsStaleAndNothingIsWrittenLive() throws {
        let golden = "net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_tw_recycle = 0\n-net.ipv4.tcp_tw_recycle = 1\n"
        let snapshot = F.snapshot(files: ["/etc/sysctl.d/60-golden.conf": F.text(golden)], twRecycle: nil, kernel: "6.1.0-13-amd64")
        let plan = try F.planner.plan(host: "deb", snapshot: snapshot)
        XCTAssertTrue(plan.liveWrites.isEmpty)
        XCTAssertEqual(plan.fileChanges.first?.edits.map(\.line), [2, 3], "= 0 is stale too: `sysctl -p` fails on it")
        XCTAssertTrue(plan.notes.first?.contains("removed in 4.12") ?? false)
        XCTAssertTrue(try F.planner.plan(host: "deb", snapshot: F.applying(plan, to: snapshot)).isEmpty)
    }

    func testAHostAlreadyRightGetsAnEmptyPlan() throws {
        let plan = try F.planner.plan(host: "ok", snapshot: F.snapshot(files: ["/etc/sysctl.conf": F.text("net.ipv4.tcp_tw_reuse = 1\n")], twRecycle: "0"))
        XCTAssertTrue(plan.isEmpty)
    }

    func testDormantLinesInMaskedOrOverriddenFilesAreFixedToo() throws {
        let snapshot = F.snapshot(
            files: ["/usr/lib/sysctl.d/50-vendor.conf": F.text("net.ipv4.tcp_tw_recycle = 1\n")],
            links: ["/etc/sysctl.d/50-vendor.conf": "/dev/null"], twRecycle: "0")
        let plan = try F.planner.plan(host: "h", snapshot: snapshot)
        XCTAssertEqual(plan.fileChanges.map(\.realPath), ["/usr/lib/sysctl.d/50-vendor.conf"])
        XCTAssertTrue(plan.liveWrites.isEmpty)
    }

    func testAGlobThatSetsTheKeyStopsThePlan() {
        let snapshot = F.snapshot(files: ["/etc/sysctl.d/10-glob.conf": F.text("net.ipv4.tcp_tw_rec* = 1\n")], twRecycle: "1")
        XCTAssertThrowsError(try F.planner.plan(host: "g", snapshot: snapshot)) { error in
            guard case RemediationError.globLineSetsKey(let host, let location, _, let value) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(host, "g")
            XCTAssertEqual(location.line, 1)
            XCTAssertEqual(value, "1")
            XCTAssertTrue("\(error)".contains("by hand"))
        }
    }

    func testAnUnreadableFileStopsThePlan() {
        var snapshot = F.snapshot(files: [:], twRecycle: "1")
        snapshot.configFiles.append(ProbedFile(path: "/etc/sysctl.d/50-secret.conf", content: .unreadable))
        XCTAssertThrowsError(try F.planner.plan(host: "s", snapshot: snapshot)) { error in
            XCTAssertEqual(error as? RemediationError, .configurationUnreadable(host: "s", path: "/etc/sysctl.d/50-secret.conf"))
        }
    }

    func testAnUnreadableLiveValueStopsThePlan() {
        var snapshot = F.snapshot(files: [:], twRecycle: "1")
        snapshot.live["net.ipv4.tcp_tw_recycle"] = .unreadable
        XCTAssertThrowsError(try F.planner.plan(host: "s", snapshot: snapshot))
    }

    func testAKeyWithoutAKnownDefaultIsRewrittenInPlace() throws {
        let planner = RemediationPlanner(desired: [DesiredSetting(key: .tcpTimestamps, value: "1")], runID: F.runID)
        var snapshot = F.snapshot(files: ["/etc/sysctl.conf": F.text("net.ipv4.tcp_timestamps = 0 # off\nnet.ipv4.tcp_timestamps=0\r\n")], twRecycle: "0")
        snapshot.live["net.ipv4.tcp_timestamps"] = .value("0")
        let plan = try planner.plan(host: "h", snapshot: snapshot)
        XCTAssertEqual(plan.fileChanges.first?.edits.map(\.kind), [.rewriteValue, .rewriteValue])
        XCTAssertEqual(plan.liveWrites, [LiveWrite(key: .tcpTimestamps, from: "0", to: "1")])
        let text = String(decoding: plan.fileChanges.first?.newBytes ?? [], as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("net.ipv4.tcp_timestamps=1\r\n"), text)
    }

    func testDesiredSettingsComeFromPlaybookFixes() throws {
        let playbook = try XCTUnwrap(PlaybookCatalog().builtin(named: "tcp-tw-recycle-nat"))
        XCTAssertEqual(try DesiredSetting.from(playbooks: [playbook]), [DesiredSetting(key: .tcpTwRecycle, value: "0")])
        var other = playbook
        other.id = "other"
        other.desired = ["net.ipv4.tcp_tw_recycle": "1"]
        XCTAssertThrowsError(try DesiredSetting.from(playbooks: [playbook, other]))
    }

    func testMarkerIsTheRunID() {
        XCTAssertEqual(F.runID.marker, marker)
        XCTAssertNil(RunID("../etc"))
        XCTAssertNotNil(RunID(RunID.generate().value))
    }
}

final class RemediationCanonicalPathTests: XCTestCase {
    func testOneFileSeenThroughASymlinkedDirectoryIsChangedOnce() throws {
        let vendor = Array("net/ipv4/tcp_tw_recycle = 1\n".utf8)
        let snapshot = RemediationFixtures.snapshot(
            files: ["/lib/sysctl.d/50-vendor.conf": vendor, "/usr/lib/sysctl.d/50-vendor.conf": vendor], twRecycle: "0")
        let plan = try RemediationFixtures.planner.plan(host: "h", snapshot: snapshot)
        XCTAssertEqual(plan.fileChanges.count, 2)
        let resolved = try XCTUnwrap(plan.resolvingCanonicalPaths([
            "/lib/sysctl.d/50-vendor.conf": "/usr/lib/sysctl.d/50-vendor.conf",
            "/usr/lib/sysctl.d/50-vendor.conf": "/usr/lib/sysctl.d/50-vendor.conf",
        ]))
        XCTAssertEqual(resolved.fileChanges.map(\.realPath), ["/usr/lib/sysctl.d/50-vendor.conf"])
        XCTAssertEqual(resolved.fileChanges.first?.linkedFrom, ["/lib/sysctl.d/50-vendor.conf"])
    }
}

final class RemediationDesiredKeyTests: XCTestCase {
    func testAFixKeyWithShellCharactersIsRefused() throws {
        var playbook = try XCTUnwrap(PlaybookCatalog().builtin(named: "tcp-tw-recycle-nat"))
        playbook.desired = ["net.ipv4.$(reboot)": "0"]
        XCTAssertThrowsError(try DesiredSetting.from(playbooks: [playbook])) { error in
            XCTAssertTrue("\(error)".contains("not a single sysctl key"), "\(error)")
        }
    }
}
