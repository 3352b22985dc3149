import XCTest
@testable import PawsCore

/// The situations where procps and systemd-sysctl persist different values, and what a fix
/// has to touch so that both end up with `tcp_tw_recycle = 0`. The expected values here and in
/// the model tests were checked by running `sysctl --system` (procps-ng 4.0.2) and
/// `systemd-sysctl` (systemd 252) on the same files in a private mount namespace.
final class SysctlApplierDisagreementTests: XCTestCase {
    private typealias F = SysctlFixtures

    private let dropInFix = ["/etc/sysctl.d/10-fix.conf": "net.ipv4.tcp_tw_recycle = 0\n"]
    private let badSysctlConf = ["/etc/sysctl.conf": "# tuning from a blog\nnet.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_timestamps = 1\n"]

    func testLowNumberedDropInLosesUnderBothWithDebianSymlink() {
        let host = F.host(dropInFix.merging(badSysctlConf) { $1 }, symlinks: F.debianSysctlConfLink)
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "1")
        XCTAssertEqual(F.systemd.evaluate(host).value(for: .tcpTwRecycle), "1", "via 99-sysctl.conf")
        XCTAssertEqual(F.legacyProcps.evaluate(host).value(for: .tcpTwRecycle), "1")
    }

    func testWithoutTheSymlinkTheAppliersDisagree() {
        let host = F.host(dropInFix.merging(badSysctlConf) { $1 })
        XCTAssertEqual(F.procps.evaluate(host).value(for: .tcpTwRecycle), "1")
        XCTAssertEqual(F.systemd.evaluate(host).value(for: .tcpTwRecycle), "0")
    }

    func testAssignmentsListEveryLineThatSetsTheKey() {
        let host = F.host(dropInFix.merging(badSysctlConf) { $1 }, symlinks: F.debianSysctlConfLink)
        let procps = F.procps.evaluate(host).assignments(to: .tcpTwRecycle)
        XCTAssertEqual(procps.map(\.location), [
            SourceLocation(path: "/etc/sysctl.d/10-fix.conf", line: 1),
            SourceLocation(path: "/etc/sysctl.d/99-sysctl.conf", line: 2),
            SourceLocation(path: "/etc/sysctl.conf", line: 2),
        ])
        XCTAssertEqual(procps.map(\.value), ["0", "1", "1"])
        XCTAssertEqual(procps.map(\.status), [.overridden, .redundant, .effective])
        XCTAssertEqual(procps.map(\.realPath), ["/etc/sysctl.d/10-fix.conf", "/etc/sysctl.conf", "/etc/sysctl.conf"])

        let systemd = F.systemd.evaluate(host).assignments(to: .tcpTwRecycle)
        XCTAssertEqual(systemd.map(\.status), [.overridden, .effective])
        XCTAssertEqual(systemd.filter { $0.value == "1" }.map(\.realPath), ["/etc/sysctl.conf"])
    }

    func testFixingTheBadLineInPlaceWinsUnderBoth() throws {
        let host = F.host(dropInFix.merging(badSysctlConf) { $1 }, symlinks: F.debianSysctlConfLink)
        let bad = try XCTUnwrap(F.procps.evaluate(host).assignments(to: .tcpTwRecycle).first { $0.isEffective })
        let sysctlConf = try XCTUnwrap(F.procps.evaluate(host).appliedFiles.first { $0.path == bad.realPath }?.file)
        let valueRange = try XCTUnwrap(bad.entry.valueRange)
        var fixed = sysctlConf.bytes
        fixed.replaceSubrange(valueRange, with: Array("0".utf8))

        var fixedHost = host
        fixedHost.files = host.files.map { file in
            file.path == "/etc/sysctl.conf" ? SysctlConfigSet.File(path: file.path, content: .bytes(fixed)) : file
        }
        for model in [F.procps, F.legacyProcps] as [any SysctlApplierModel] + [F.systemd] {
            XCTAssertEqual(model.evaluate(fixedHost).value(for: .tcpTwRecycle), "0", "\(model.applier)")
        }
        XCTAssertEqual(
            String(decoding: fixed, as: UTF8.self),
            "# tuning from a blog\nnet.ipv4.tcp_tw_recycle = 0\nnet.ipv4.tcp_timestamps = 1\n")
    }

    func testRunTimeDropInBeatsEtcOnlyForLegacyProcps() {
        // A cloud-init style runtime file with the same name as the admin's file.
        let host = F.host([
            "/etc/sysctl.d/60-net.conf": "net.ipv4.tcp_tw_recycle = 0\n",
            "/run/sysctl.d/60-net.conf": "net.ipv4.tcp_tw_recycle = 1\n",
        ])
        XCTAssertEqual(SysctlApplier.allCases.map { $0.model.evaluate(host).value(for: .tcpTwRecycle) }, ["0", "1", "0"])
    }

    func testEffectiveTableHasEveryExplicitKey() {
        let host = F.host(badSysctlConf.merging(["/usr/lib/sysctl.d/50-pid-max.conf": "kernel.pid_max = 4194304\n"]) { $1 })
        let table = F.procps.evaluate(host).effectiveTable()
        XCTAssertEqual(table.mapValues(\.value), [
            .tcpTwRecycle: "1", .tcpTimestamps: "1", F.key("kernel.pid_max"): "4194304",
        ])
        XCTAssertEqual(F.systemd.evaluate(host).effectiveTable().mapValues(\.value), [F.key("kernel.pid_max"): "4194304"])
    }

    func testEveryAssignmentIncludesDormantLines() {
        let host = F.host([
            "/etc/sysctl.conf": "net.ipv4.tcp_tw_recycle = 1\n",
            "/usr/lib/sysctl.d/50-tuning.conf": "net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_tw_* = 1\n",
            "/etc/sysctl.d/70-other.conf": "net.ipv4.tcp_timestamps = 1\n",
            "/etc/sysctl.d/README": "net.ipv4.tcp_tw_recycle = 1\n",
        ], symlinks: ["/etc/sysctl.d/50-tuning.conf": "/dev/null"])
        XCTAssertNil(F.systemd.evaluate(host).value(for: .tcpTwRecycle), "masked file, and 99-sysctl.conf is missing")
        let lines = host.everyAssignment(to: .tcpTwRecycle)
        XCTAssertEqual(lines.map(\.location), [
            SourceLocation(path: "/etc/sysctl.conf", line: 1),
            SourceLocation(path: "/usr/lib/sysctl.d/50-tuning.conf", line: 1),
            SourceLocation(path: "/usr/lib/sysctl.d/50-tuning.conf", line: 2),
        ])
    }

    func testApplierDescriptions() {
        XCTAssertEqual(SysctlApplier.allCases.map(\.rawValue), ["procps", "procps-legacy", "systemd"])
        XCTAssertEqual(SysctlApplier.systemd.description, "systemd-sysctl")
    }
}
