import XCTest

@testable import PawsCore

final class LintValueNormaliserTests: XCTestCase {
    func testQuotesAndBlanksGo() {
        for written in ["1", "\"1\"", "'1'", " 1 ", "\"'1'\"", "01", "+1"] {
            XCTAssertEqual(LintValueNormaliser.normalise(written), "1", written)
        }
    }

    func testBooleanWordsBecomeNumbers() {
        for word in ["yes", "Yes", "TRUE", "true", "on", "\"on\""] {
            XCTAssertEqual(LintValueNormaliser.normalise(word), "1", word)
        }
        for word in ["no", "False", "off", "'false'"] {
            XCTAssertEqual(LintValueNormaliser.normalise(word), "0", word)
        }
    }

    func testTemplatesAndVariablesAreUnknown() {
        for written in ["{{ tw_recycle }}", "$TW", "${tw}", "\"$TW\"", "$(cat x)", "<%= @tw %>", "%{ if x }1%{ endif }", "`echo 1`"] {
            XCTAssertNil(LintValueNormaliser.normalise(written), written)
        }
    }

    func testOtherValuesKeepTheirTextWithBlanksCollapsed() {
        XCTAssertEqual(LintValueNormaliser.normalise("4096   87380\t6291456"), "4096 87380 6291456")
        XCTAssertEqual(LintValueNormaliser.normalise("2"), "2")
        XCTAssertEqual(LintValueNormaliser.normalise("-0"), "0")
        XCTAssertEqual(LintValueNormaliser.normalise(""), "")
        XCTAssertEqual(LintValueNormaliser.normalise("1 # note"), "1 # note")
    }
}
