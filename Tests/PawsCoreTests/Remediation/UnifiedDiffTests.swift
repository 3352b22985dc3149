import XCTest
@testable import PawsCore

final class RemediationUnifiedDiffTests: XCTestCase {
    private func diff(_ old: String, _ new: String) -> String {
        UnifiedDiff(oldLabel: "a", newLabel: "b").render(old: Array(old.utf8), new: Array(new.utf8))
    }

    func testEqualContentsGiveNoDiff() {
        XCTAssertEqual(diff("x\n", "x\n"), "")
    }

    func testOneChangedLineWithContext() {
        let old = (1...10).map { "line\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line5\n", with: "# x: line5\n")
        XCTAssertEqual(diff(old, new), """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             line2
             line3
             line4
            -line5
            +# x: line5
             line6
             line7
             line8

            """)
    }

    func testMissingFinalNewlineIsMarked() {
        XCTAssertEqual(diff("a\nb", "a\n# b"), "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+# b\n\\ No newline at end of file\n")
    }

    func testCRLFLinesKeepTheirCarriageReturn() {
        XCTAssertEqual(diff("a\r\nb\r\n", "a\r\nc\r\n"), "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n")
    }

    func testDistantChangesMakeTwoHunksAndInsertionsWork() {
        let old = (1...20).map { "l\($0)\n" }.joined()
        var lines = (1...20).map { "l\($0)\n" }
        lines[1] = "X\n"
        lines.insert("new\n", at: 18)
        let text = diff(old, lines.joined())
        XCTAssertEqual(text.components(separatedBy: "\n@@ -").count - 1, 2, text)
        XCTAssertTrue(text.contains("@@ -1,5 +1,5 @@"), text)
        XCTAssertTrue(text.contains("+new\n"), text)
    }

    func testEmptyToContent() {
        XCTAssertEqual(diff("", "a\n"), "--- a\n+++ b\n@@ -0,0 +1 @@\n+a\n")
    }
}
