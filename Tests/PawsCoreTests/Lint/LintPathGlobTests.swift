import XCTest

@testable import PawsCore

final class LintPathGlobTests: XCTestCase {
    private func matches(_ pattern: String, _ path: String, directory: Bool = false) -> Bool {
        LintPathGlob(pattern)?.matches(path, isDirectory: directory) ?? false
    }

    func testNamesWithoutSlashMatchAtAnyDepth() {
        XCTAssertTrue(matches("*.pem", "a/b/key.pem"))
        XCTAssertTrue(matches("fixtures", "tests/fixtures/bad.conf"))
        XCTAssertTrue(matches("fixtures/", "tests/fixtures/bad.conf"))
        XCTAssertFalse(matches("fixtures/", "tests/fixtures"))
        XCTAssertTrue(matches("fixtures/", "tests/fixtures", directory: true))
        XCTAssertFalse(matches("*.pem", "a/b/key.pem.txt"))
    }

    func testSlashAnchorsAtTheRoot() {
        XCTAssertTrue(matches("demo/**", "demo/hosts/a.conf"))
        XCTAssertTrue(matches("demo", "demo/hosts/a.conf"))
        XCTAssertTrue(matches("/demo", "demo/x"))
        XCTAssertFalse(matches("demo/**", "src/demo/x"))
        XCTAssertTrue(matches("Tests/**/Fixtures/**", "Tests/PawsCoreTests/Fixtures/Lint/corpus/x.sh"))
        XCTAssertTrue(matches("Tests/**/Fixtures/**", "Tests/Fixtures/x.sh"))
        XCTAssertFalse(matches("Tests/**/Fixtures/**", "Sources/Fixtures/x.sh"))
        XCTAssertTrue(matches("**/fixtures", "a/b/fixtures/c"))
        XCTAssertTrue(matches("./roles/*/files/*.conf", "roles/net/files/99.conf"))
    }

    func testWildcardsStayInsideASegment() {
        XCTAssertFalse(matches("roles/*.yml", "roles/net/main.yml"))
        XCTAssertTrue(matches("roles/*/main.yml", "roles/net/main.yml"))
        XCTAssertTrue(matches("file?.conf", "file1.conf"))
        XCTAssertTrue(matches("[0-9][0-9]-*.conf", "etc/99-net.conf"))
        XCTAssertFalse(matches("[!0-9]*.conf", "99-net.conf"))
        XCTAssertTrue(matches("a[b", "a[b"))
        XCTAssertTrue(matches("\\*.conf", "*.conf"))
        XCTAssertFalse(matches("\\*.conf", "x.conf"))
    }

    func testIgnoreFileSkipsCommentsAndBlankLines() {
        let list = LintExcludeList(ignoreFile: "# fixtures\n\nTests/**/Fixtures/**\r\n  demo/  \n")
        XCTAssertEqual(list.globs.map(\.pattern), ["Tests/**/Fixtures/**", "demo/"])
        XCTAssertTrue(list.excludes("demo/inventory.ini"))
        XCTAssertFalse(list.excludes("Sources/a.swift"))
        XCTAssertNil(LintPathGlob("   "))
    }
}
