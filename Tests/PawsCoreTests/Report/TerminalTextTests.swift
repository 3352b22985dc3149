import XCTest
@testable import PawsCore

final class TerminalTextTests: XCTestCase {
    func testDisplayWidth() {
        XCTAssertEqual(TerminalText.displayWidth("abc"), 3)
        XCTAssertEqual(TerminalText.displayWidth("日本"), 4)
        XCTAssertEqual(TerminalText.displayWidth("e\u{301}"), 1, "a combining accent takes no column")
        XCTAssertEqual(TerminalText.displayWidth("🔥"), 2)
    }

    func testSanitizedMakesControlsVisible() {
        XCTAssertEqual(TerminalText.sanitized("a\nb\t\u{1B}[2J\u{202E}x"), "a\\nb\\t\\u{1B}[2J\\u{202E}x")
    }

    func testWrapAndTruncate() {
        XCTAssertEqual(TerminalText.wrapped("one two three four", width: 10), ["one two", "three four"])
        XCTAssertEqual(TerminalText.wrapped(String(repeating: "x", count: 25), width: 10), ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
        XCTAssertEqual(TerminalText.wrapped("", width: 10), [""])
        XCTAssertEqual(TerminalText.truncated("abcdef", to: 4), "abc…")
        XCTAssertEqual(TerminalText.truncated("日本語", to: 4), "日…")
        XCTAssertEqual(TerminalText.truncated("abc", to: 4), "abc")
    }
}
