import XCTest

@testable import PawsCore

final class LintShellExtractorTests: XCTestCase {
    private func read(_ text: String) -> [String] {
        LintTestSupport.candidates(text, path: "script.sh")
    }

    func testSysctlCommandForms() {
        XCTAssertEqual(read("sysctl -w net.ipv4.tcp_tw_recycle=1\n"), ["1:11 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("sysctl -p /etc/sysctl.conf -w net.ipv4.tcp_tw_recycle=on\n"), ["1:31 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("env LANG=C nice -n 5 /usr/sbin/sysctl net/ipv4/tcp_tw_recycle=1\n"), ["1:39 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("sysctl -w \"net.ipv4.tcp_timestamps=0\" net.ipv4.tcp_tw_recycle=0\n"), [
            "1:12 tcp_timestamps=0 (sysctl-command)", "1:39 tcp_tw_recycle=0 (sysctl-command)",
        ])
        XCTAssertEqual(read("sysctl -w net.ipv4.tcp_tw_recycle=$ON\n"), ["1:11 tcp_tw_recycle=? (sysctl-command)"])
    }

    func testReadsAndOtherCommandsAreNotAssignments() {
        XCTAssertEqual(read("sysctl net.ipv4.tcp_tw_recycle\nsysctl -a | grep tcp_tw_recycle\n"), [])
        XCTAssertEqual(read("grep -q net.ipv4.tcp_tw_recycle=1 /etc/sysctl.conf\n"), [])
        XCTAssertEqual(read("test \"$(cat /proc/sys/net/ipv4/tcp_tw_recycle)\" = 1\n"), [])
        XCTAssertEqual(read("logger \"net.ipv4.tcp_tw_recycle = 1 found\"\n"), [])
    }

    func testProcSysWrites() {
        XCTAssertEqual(read("echo -n 1 >/proc/sys/net/ipv4/tcp_tw_recycle\n"), ["1:12 tcp_tw_recycle=1 (proc-sys-write)"])
        XCTAssertEqual(read("printf '%s\\n' 1 | tee -a /proc/sys/net/ipv4/tcp_tw_recycle\n"), ["1:26 tcp_tw_recycle=1 (proc-sys-write)"])
        XCTAssertEqual(read("tee /proc/sys/net/ipv4/tcp_tw_recycle <<< 1\n"), ["1:5 tcp_tw_recycle=1 (proc-sys-write)"])
        XCTAssertEqual(read("echo 1 2>/dev/null > \"/proc/sys/net/ipv4/tcp_tw_recycle\"\n"), ["1:23 tcp_tw_recycle=1 (proc-sys-write)"])
    }

    func testNestedShellCode() {
        XCTAssertEqual(read("sudo bash -ec \"echo 1 > /proc/sys/net/ipv4/tcp_tw_recycle\"\n"), ["1:25 tcp_tw_recycle=1 (proc-sys-write)"])
        XCTAssertEqual(read("su - root -c 'sysctl -w net.ipv4.tcp_tw_recycle=1'\n"), ["1:25 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("out=$(sysctl -w net.ipv4.tcp_tw_recycle=1)\n"), ["1:17 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("eval \"sysctl -w net.ipv4.tcp_tw_recycle=1\"\n"), ["1:17 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("docker exec -u root db sysctl -w net.ipv4.tcp_tw_recycle=1\n"), ["1:34 tcp_tw_recycle=1 (sysctl-command)"])
        XCTAssertEqual(read("ssh -p 2222 db <<'REMOTE'\nsysctl -w net.ipv4.tcp_tw_recycle=1\nREMOTE\n"), ["2:11 tcp_tw_recycle=1 (sysctl-command)"])
    }

    func testLinesWrittenToFiles() {
        XCTAssertEqual(read("printf '%s = %s\\n' net.ipv4.tcp_tw_recycle 1 >> /etc/sysctl.conf\n"), ["1:20 tcp_tw_recycle=1 (written-line)"])
        XCTAssertEqual(read("echo -e 'a = 1\\nnet.ipv4.tcp_tw_recycle = 1' > /etc/sysctl.d/1.conf\n"), ["1:17 tcp_tw_recycle=1 (written-line)"])
        XCTAssertEqual(read("sed -i -e '$a net.ipv4.tcp_tw_recycle = 1' /etc/sysctl.conf\n"), ["1:15 tcp_tw_recycle=1 (written-line)"])
        XCTAssertEqual(read("sed -i 's|net.ipv4.tcp_tw_recycle = 1|net.ipv4.tcp_tw_recycle = 0|' /etc/sysctl.conf\n"), [
            "1:39 tcp_tw_recycle=0 (written-line)",
        ])
        XCTAssertEqual(read("cat <<EOF | sudo tee /etc/sysctl.d/9.conf\n# net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_tw_recycle = 1\nEOF\n"), [
            "3:1 tcp_tw_recycle=1 (written-line)",
        ])
    }

    func testUnterminatedQuotesAndHeredocsDoNotStopTheScan() {
        XCTAssertEqual(read("cat <<EOF\nnet.ipv4.tcp_tw_recycle = 1\n"), ["2:1 tcp_tw_recycle=1 (written-line)"])
        XCTAssertEqual(read("echo 'unclosed\nsysctl -w net.ipv4.tcp_tw_recycle=1\n"), [])
        XCTAssertEqual(read("sysctl -w net.ipv4.tcp_tw_recycle=1 # $(\n"), ["1:11 tcp_tw_recycle=1 (sysctl-command)"])
    }
}
