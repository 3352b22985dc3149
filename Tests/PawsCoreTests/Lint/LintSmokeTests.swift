import XCTest

@testable import PawsCore

final class LintSmokeTests: XCTestCase {
    func testShell() throws {
        let text = """
            #!/bin/sh
            # sysctl -w net.ipv4.tcp_tw_recycle=1
            sysctl -w net.ipv4.tcp_tw_recycle=1
            echo 1 > /proc/sys/net/ipv4/tcp_tw_recycle
            cat >> /etc/sysctl.conf <<EOF
            net.ipv4.tcp_timestamps = 0
            EOF
            """
        print(LintTestSupport.candidates(text, path: "x.sh"))
        print(try LintTestSupport.findings(text, path: "x.sh"))
    }
}
