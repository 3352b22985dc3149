import XCTest
@testable import PawsCore

final class LinkLayerDecoderTests: XCTestCase {
    private let syn = SegmentSpec(
        "10.1.2.3:40000", "192.0.2.10:3306", flags: .syn, sequenceNumber: 42, timestampValue: 123_456)
    private let syn6 = SegmentSpec(
        "[2001:db8::7]:40000", "[2001:db8::10]:443", flags: .syn, sequenceNumber: 43, timestampValue: 654_321)

    private func assertDecodes(
        _ frame: [UInt8], linkType: LinkType, as spec: SegmentSpec, file: StaticString = #filePath, line: UInt = #line
    ) {
        let (segment, statistics) = decode(frame, linkType: linkType)
        XCTAssertEqual(segment?.source, spec.source, "\(linkType)", file: file, line: line)
        XCTAssertEqual(segment?.destination, spec.destination, file: file, line: line)
        XCTAssertEqual(segment?.sequenceNumber, spec.sequenceNumber, file: file, line: line)
        XCTAssertEqual(segment?.timestampValue, spec.timestampValue, file: file, line: line)
        XCTAssertEqual(statistics.tcpSegments, 1, file: file, line: line)
    }

    func testEthernet() {
        assertDecodes(FrameBuilder.ethernet(FrameBuilder.ip(syn)), linkType: .ethernet, as: syn)
        assertDecodes(FrameBuilder.ethernet(FrameBuilder.ip(syn6)), linkType: .ethernet, as: syn6)
    }

    func testVLANAndQinQTags() {
        assertDecodes(FrameBuilder.ethernet(FrameBuilder.ip(syn), tags: [0x8100]), linkType: .ethernet, as: syn)
        assertDecodes(FrameBuilder.ethernet(FrameBuilder.ip(syn6), tags: [0x88A8, 0x8100]), linkType: .ethernet, as: syn6)
        assertDecodes(FrameBuilder.ethernet(FrameBuilder.ip(syn), tags: [0x9100, 0x8100]), linkType: .ethernet, as: syn)
    }

    func testLinuxCookedCaptures() {
        assertDecodes(FrameBuilder.linuxCooked(FrameBuilder.ip(syn)), linkType: .linuxCooked, as: syn)
        assertDecodes(FrameBuilder.linuxCookedV2(FrameBuilder.ip(syn6)), linkType: .linuxCookedV2, as: syn6)
    }

    func testRawIPUnderEveryNumber() {
        for linkType in [LinkType.raw, .rawBSD, .rawOpenBSD, .ipv4] {
            assertDecodes(FrameBuilder.ip(syn), linkType: linkType, as: syn)
        }
        assertDecodes(FrameBuilder.ip(syn6), linkType: .ipv6, as: syn6)
    }

    func testLoopbackNullAndLoop() {
        assertDecodes(FrameBuilder.null(FrameBuilder.ip(syn), order: .little), linkType: .null, as: syn)
        assertDecodes(FrameBuilder.null(FrameBuilder.ip(syn6), order: .big, inet6Family: 24), linkType: .null, as: syn6)
        assertDecodes(FrameBuilder.null(FrameBuilder.ip(syn6), order: .little, inet6Family: 10), linkType: .null, as: syn6)
        assertDecodes(FrameBuilder.null(FrameBuilder.ip(syn), order: .big), linkType: .loop, as: syn)
    }

    func testNonIPFramesAreCountedNotDecoded() {
        var arp = FrameBuilder.ethernet(Array(repeating: 0, count: 28))
        arp[12] = 0x08
        arp[13] = 0x06
        XCTAssertEqual(decode(arp, linkType: .ethernet).1.notIP, 1)
        var tooManyTags = FrameBuilder.ethernet(FrameBuilder.ip(syn), tags: [0x8100, 0x8100, 0x8100, 0x8100, 0x8100])
        XCTAssertEqual(decode(tooManyTags, linkType: .ethernet).1.notIP, 1)
        tooManyTags = FrameBuilder.null(FrameBuilder.ip(syn), order: .little, inet6Family: 30)
        tooManyTags[0] = 17  // AF_LINK-ish
        XCTAssertEqual(decode(tooManyTags, linkType: .null).1.notIP, 1)
    }

    func testUnsupportedLinkTypeAndShortFrames() {
        XCTAssertEqual(decode(FrameBuilder.ip(syn), linkType: LinkType(rawValue: 127)).1.unsupportedLinkType, 1)
        XCTAssertEqual(decode([0x02, 0, 0], linkType: .ethernet).1.truncatedHeaders, 1)
        XCTAssertEqual(decode(Array(FrameBuilder.ethernet(FrameBuilder.ip(syn), tags: [0x8100]).prefix(16)), linkType: .ethernet).1.truncatedHeaders, 1)
        XCTAssertEqual(decode([], linkType: .raw).1.truncatedHeaders, 1)
        XCTAssertEqual(decode([0, 0], linkType: .linuxCookedV2).1.truncatedHeaders, 1)
    }
}
