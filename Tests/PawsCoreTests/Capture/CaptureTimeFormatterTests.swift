import XCTest
@testable import PawsCore

final class CaptureTimeFormatterTests: XCTestCase {
    func testISO8601WithMicroseconds() {
        XCTAssertEqual(CaptureTimeFormatter.iso8601(nanoseconds: 0), "1970-01-01T00:00:00.000000Z")
        XCTAssertEqual(CaptureTimeFormatter.iso8601(nanoseconds: 1_700_000_000_123_456_789), "2023-11-14T22:13:20.123456Z")
        XCTAssertEqual(CaptureTimeFormatter.iso8601(nanoseconds: 951_782_400 * 1_000_000_000), "2000-02-29T00:00:00.000000Z")
        XCTAssertEqual(CaptureTimeFormatter.iso8601(nanoseconds: 4_107_542_399 * 1_000_000_000 + 999_999_999), "2100-02-28T23:59:59.999999Z")
        XCTAssertEqual(CaptureTimeFormatter.iso8601(nanoseconds: -1_000), "1969-12-31T23:59:59.999999Z")
    }

    func testAgreesWithFoundationOverManyDays() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SplitMix64(seed: 9)
        for _ in 0..<500 {
            let seconds = Int64(generator.next() % 4_000_000_000)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let ours = CaptureTimeFormatter.iso8601(nanoseconds: seconds * 1_000_000_000)
            XCTAssertEqual(ours.replacingOccurrences(of: ".000000", with: ""), expected)
        }
    }

    func testDurations() {
        XCTAssertEqual(CaptureTimeFormatter.duration(nanoseconds: 850_000_000), "850 ms")
        XCTAssertEqual(CaptureTimeFormatter.duration(nanoseconds: 12_500_000_000), "12.5 s")
        XCTAssertEqual(CaptureTimeFormatter.duration(nanoseconds: 200_000_000_000), "3 min 20 s")
        XCTAssertEqual(CaptureTimeFormatter.duration(nanoseconds: 7_500_000_000_000), "2 h 5 min")
    }
}
