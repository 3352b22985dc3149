import Foundation
import XCTest

@testable import PawsCore

/// The corpus in `Fixtures/Lint/corpus` holds positive and negative examples of every source kind;
/// `Fixtures/Lint/expected.txt` lists every finding and notice the default rules must report,
/// as `path:line:column: rule-id` (suppressed ones marked), and nothing else.
final class LintCorpusTests: XCTestCase {
    func testCorpusReportsExactlyTheExpectedFindings() throws {
        let base = try XCTUnwrap(Bundle.module.resourceURL, "test bundle has no resources").appendingPathComponent("Fixtures/Lint")
        let actual = try Self.lintCorpus(at: base.appendingPathComponent("corpus"), linter: try LintTestSupport.linter())
        let expected = try Self.manifest(base.appendingPathComponent("expected.txt"))
        let missing = expected.subtracting(actual).sorted()
        let unexpected = actual.subtracting(expected).sorted()
        XCTAssert(missing.isEmpty, "expected but not reported:\n" + missing.joined(separator: "\n"))
        XCTAssert(unexpected.isEmpty, "reported but not expected:\n" + unexpected.joined(separator: "\n"))
    }

    /// Every finding and notice of every corpus file, one line each.
    static func lintCorpus(at root: URL, linter: Linter) throws -> Set<String> {
        var lines: Set<String> = []
        for path in try corpusFiles(root) {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(path)))
            let result = linter.lint(path: path, bytes: bytes)
            for finding in result.findings {
                let location = finding.location
                lines.insert("\(path):\(location.line):\(location.column ?? 0): \(finding.ruleID)\(finding.isSuppressed ? " (suppressed)" : "")")
            }
            for notice in result.notices {
                lines.insert("\(path):\(notice.location.line): notice \(notice.code)")
            }
        }
        return lines
    }

    static func corpusFiles(_ root: URL) throws -> [String] {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        var paths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }

    static func manifest(_ url: URL) throws -> Set<String> {
        let text = try String(contentsOf: url, encoding: .utf8)
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }
}
