import XCTest

@testable import PawsCore

final class LintSourceClassifierTests: XCTestCase {
    func testNamesDecide() {
        let expectations: [(String, LintSourceKind)] = [
            ("etc/sysctl.conf", .sysctlConfig), ("etc/sysctl.d/99-net.conf", .sysctlConfig), ("a/sysctl.d/b/c.conf", .sysctlConfig),
            ("files/99-sysctl-tuning.conf", .sysctlConfig), ("templates/sysctl.conf.j2", .sysctlConfig),
            ("scripts/setup.sh", .shell), ("bin/run.bash", .shell), ("setup.sh.erb", .shell),
            ("Dockerfile", .dockerfile), ("docker/Dockerfile.centos7", .dockerfile), ("app.dockerfile", .dockerfile), ("Containerfile", .dockerfile),
            ("main.tf", .terraform), ("vars.tfvars", .terraform), ("image.pkr.hcl", .terraform),
            ("manifests/init.pp", .puppet), ("salt/sysctl.sls", .salt),
            ("site.yml", .yaml), ("pod.yaml", .yaml), ("plan.tf.json", .yaml), ("values.yaml.j2", .yaml),
            ("README.md", .documentation), ("docs/guide.rst", .documentation), ("notes.txt", .documentation), ("LICENSE", .documentation),
        ]
        for (path, kind) in expectations {
            XCTAssertEqual(LintSourceClassifier.kind(forPath: path), kind, path)
        }
        XCTAssertNil(LintSourceClassifier.kind(forPath: "etc/other.conf"))
        XCTAssertNil(LintSourceClassifier.kind(forPath: "user-data"))
    }

    func testFirstLineDecidesWhenTheNameDoesNot() {
        XCTAssertEqual(LintSourceClassifier.kind(forPath: "user-data", content: Array("#cloud-config\nruncmd: []\n".utf8)), .yaml)
        XCTAssertEqual(LintSourceClassifier.kind(forPath: "provision", content: Array("#!/bin/bash\nset -e\n".utf8)), .shell)
        XCTAssertEqual(LintSourceClassifier.kind(forPath: "provision", content: Array("#!/usr/bin/env sh\n".utf8)), .shell)
        XCTAssertEqual(LintSourceClassifier.kind(forPath: "tool", content: Array("#!/usr/bin/env python3\n".utf8)), .text)
        XCTAssertEqual(LintSourceClassifier.kind(forPath: "other.conf", content: Array("a = 1\n".utf8)), .text)
    }

    func testBinaryMeansANulByteNearTheStart() {
        let binary: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]
        XCTAssertTrue(binary.withUnsafeBytes(LintSourceClassifier.looksBinary))
        XCTAssertFalse(Array("net.ipv4.tcp_tw_recycle = 1\n".utf8).withUnsafeBytes(LintSourceClassifier.looksBinary))
        let lateNul = [UInt8](repeating: 0x61, count: 9000) + [0]
        XCTAssertFalse(lateNul.withUnsafeBytes(LintSourceClassifier.looksBinary))
    }
}
