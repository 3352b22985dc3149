import Foundation
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every output format from the real binary, on a small repository.
final class LintOutputIntegrationTests: XCTestCase {
    private func repository() throws -> LintTestRepository {
        let repository = try LintTestRepository()
        try repository.write("roles/net work/tasks/main.yml", """
            - name: tune
              ansible.posix.sysctl:
                name: net.ipv4.tcp_tw_recycle
                value: "1"
            """)
        try repository.write("etc/sysctl.d/99.conf", "# pawsguard: ignore[tw-recycle-nat] lab\nnet.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_timestamps = 0\n")
        try repository.commit()
        return repository
    }

    func testSARIFIsWhatCodeScanningAccepts() throws {
        let repository = try repository()
        let run = repository.lint(["--format", "sarif", "-o", "out/pawsguard.sarif", "--format", "text", "-o", "-"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("roles/net work/tasks/main.yml:3:11: error:"), "text went to stdout alongside the file")
        let data = try Data(contentsOf: URL(fileURLWithPath: repository.path("out/pawsguard.sarif")))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertTrue((log["$schema"] as? String ?? "").contains("sarif-2.1.0"))
        let run0 = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "pawsguard")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        XCTAssertEqual(ruleIDs, ["tw-recycle-nat", "timestamps-disabled"])
        for rule in rules {
            XCTAssertFalse(((rule["help"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"])
        }
        let results = try XCTUnwrap(run0["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2, "the suppressed finding is left out")
        for result in results {
            let ruleID = try XCTUnwrap(result["ruleId"] as? String)
            XCTAssertTrue(ruleIDs.contains(ruleID))
            XCTAssertEqual(result["ruleIndex"] as? Int, ruleIDs.firstIndex(of: ruleID))
            XCTAssertFalse((result["partialFingerprints"] as? [String: String] ?? [:]).isEmpty)
            let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            let uri = try XCTUnwrap(artifact["uri"] as? String)
            XCTAssertFalse(uri.hasPrefix("/") || uri.hasPrefix("file:"), uri)
            XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
            XCTAssertNotNil((physical["region"] as? [String: Any])?["startLine"] as? Int)
        }
        let uris = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) }
            .compactMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String }
        XCTAssertEqual(Set(uris), ["etc/sysctl.d/99.conf", "roles/net%20work/tasks/main.yml"])
        let base = ((run0["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String
        XCTAssertEqual(base.map { $0.hasPrefix("file:///") && $0.hasSuffix("/") }, true)
    }

    func testSARIFFromASubdirectoryStaysRelativeToTheRepositoryRoot() throws {
        let repository = try repository()
        let run = repository.lint(["--format", "sarif", "."], in: "roles")
        let log = try run.json()
        let result = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String, "roles/net%20work/tasks/main.yml")
    }

    func testJSONJUnitAndGitHub() throws {
        let repository = try repository()
        let json = try repository.lint(["--format", "json"]).json()
        XCTAssertEqual((json["findings"] as? [[String: Any]])?.map { $0["ruleId"] as? String }, ["timestamps-disabled", "tw-recycle-nat"])
        XCTAssertEqual((json["summary"] as? [String: Any])?["outcome"] as? String, "findings")

        let junit = repository.lint(["--format", "junit"])
        XCTAssertNoThrow(try XMLDocument(data: Data(junit.stdout.utf8)), "JUnit output is well-formed XML")
        XCTAssertTrue(junit.stdout.contains("tests=\"2\" failures=\"1\""), junit.stdout)

        let github = repository.lint(["--format", "github"])
        XCTAssertEqual(github.lines.count, 2)
        XCTAssertTrue(github.lines.contains { $0.hasPrefix("::error file=roles/net work/tasks/main.yml,line=3,col=11,title=pawsguard tw-recycle-nat::") })
        XCTAssertTrue(github.lines.contains { $0.hasPrefix("::notice file=etc/sysctl.d/99.conf,line=3,col=1,title=pawsguard timestamps-disabled::") })
    }

    func testAnUnwritableOutputFileIsAnError() throws {
        let repository = try repository()
        let run = repository.lint(["--format", "sarif", "-o", "/proc/no-such-dir/out.sarif"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("cannot write"), run.stderr)
    }
}
