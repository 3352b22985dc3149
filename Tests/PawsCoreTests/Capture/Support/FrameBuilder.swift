@testable import PawsCore

/// One TCP segment to build into a frame.
struct SegmentSpec {
    var source: PacketEndpoint
    var destination: PacketEndpoint
    var flags: TCPFlags
    var sequenceNumber: UInt32 = 0
    var acknowledgementNumber: UInt32 = 0
    var timestampValue: UInt32?
    var timestampEchoReply: UInt32 = 0
    /// Raw option bytes; nil picks Linux's layout (SYN: MSS, SACK-permitted, timestamps, NOP, window scale;
    /// otherwise NOP, NOP, timestamps).
    var options: [UInt8]?
    var payloadLength = 0

    init(
        _ source: String, _ destination: String, flags: TCPFlags, sequenceNumber: UInt32 = 0,
        acknowledgementNumber: UInt32 = 0, timestampValue: UInt32? = nil, timestampEchoReply: UInt32 = 0,
        options: [UInt8]? = nil, payloadLength: Int = 0
    ) {
        self.source = endpoint(source)
        self.destination = endpoint(destination)
        self.flags = flags
        self.sequenceNumber = sequenceNumber
        self.acknowledgementNumber = acknowledgementNumber
        self.timestampValue = timestampValue
        self.timestampEchoReply = timestampEchoReply
        self.options = options
        self.payloadLength = payloadLength
    }
}

/// `"10.0.0.1:80"` or `"[2001:db8::1]:80"` as an endpoint (test input is trusted to be well formed).
func endpoint(_ text: String) -> PacketEndpoint {
    let selector = try? ServerSelector(parsing: text)
    return PacketEndpoint(address: selector?.address ?? PacketAddress(ipv4: 0), port: selector?.port ?? 0)
}

func address(_ text: String) -> PacketAddress {
    PacketAddress(text) ?? PacketAddress(ipv4: 0)
}

/// Builds frames byte by byte: TCP inside IPv4/IPv6 inside the link layers pawsguard reads.
enum FrameBuilder {
    // MARK: - TCP

    static func tcp(_ spec: SegmentSpec) -> [UInt8] {
        var options = spec.options ?? defaultOptions(spec)
        while options.count % 4 != 0 { options.append(0) }
        var writer = ByteWriter()
        writer.u16(spec.source.port)
        writer.u16(spec.destination.port)
        writer.u32(spec.sequenceNumber)
        writer.u32(spec.acknowledgementNumber)
        writer.u8(UInt8((20 + options.count) / 4) << 4)
        writer.u8(spec.flags.rawValue)
        writer.u16(65_535)
        writer.u16(0)  // checksum: pawsguard does not verify it
        writer.u16(0)
        writer.raw(options)
        writer.raw(Array(repeating: 0x61, count: spec.payloadLength))
        return writer.bytes
    }

    static func defaultOptions(_ spec: SegmentSpec) -> [UInt8] {
        var writer = ByteWriter()
        if spec.flags.contains(.syn) {
            writer.raw([2, 4, 0x05, 0xB4])  // MSS 1460
            writer.raw([4, 2])  // SACK permitted
            if let tsval = spec.timestampValue {
                writer.raw([8, 10])
                writer.u32(tsval)
                writer.u32(spec.timestampEchoReply)
            }
            writer.raw([1, 3, 3, 7])  // NOP, window scale 7
        } else if let tsval = spec.timestampValue {
            writer.raw([1, 1, 8, 10])
            writer.u32(tsval)
            writer.u32(spec.timestampEchoReply)
        }
        return writer.bytes
    }

    /// A timestamps option (kind 8, length 10).
    static func timestampOption(_ tsval: UInt32, _ tsecr: UInt32 = 0) -> [UInt8] {
        var writer = ByteWriter()
        writer.raw([8, 10])
        writer.u32(tsval)
        writer.u32(tsecr)
        return writer.bytes
    }

    // MARK: - IP

    static func ipv4(
        _ spec: SegmentSpec, options ipOptions: [UInt8] = [], fragmentOffset: UInt16 = 0, moreFragments: Bool = false,
        protocolNumber: UInt8 = 6, payload: [UInt8]? = nil
    ) -> [UInt8] {
        let segment = payload ?? tcp(spec)
        var options = ipOptions
        while options.count % 4 != 0 { options.append(0) }
        var writer = ByteWriter()
        writer.u8(0x40 | UInt8((20 + options.count) / 4))
        writer.u8(0)
        writer.u16(UInt16(20 + options.count + segment.count))
        writer.u16(0x1234)
        writer.u16((moreFragments ? 0x2000 : 0) | fragmentOffset)
        writer.u8(64)
        writer.u8(protocolNumber)
        writer.u16(0)
        writer.u32(spec.source.address.ipv4Value ?? 0)
        writer.u32(spec.destination.address.ipv4Value ?? 0)
        writer.raw(options)
        writer.raw(segment)
        return writer.bytes
    }

    /// An extension header: its type number and its bytes after the next-header field.
    struct ExtensionHeader {
        var type: UInt8
        /// Bytes after next-header (and, except for fragment, the length byte, which is computed).
        var body: [UInt8]

        static func hopByHop() -> ExtensionHeader { ExtensionHeader(type: 0, body: [1, 4, 0, 0, 0, 0]) }
        static func routing() -> ExtensionHeader {
            ExtensionHeader(type: 43, body: [0, 0, 0, 0, 0, 0] + Array(repeating: 0, count: 16))
        }
        static func destinationOptions() -> ExtensionHeader { ExtensionHeader(type: 60, body: [1, 4, 0, 0, 0, 0]) }
        static func fragment(offset: UInt16, more: Bool) -> ExtensionHeader {
            let field = offset << 3 | (more ? 1 : 0)
            return ExtensionHeader(type: 44, body: [0, UInt8(field >> 8), UInt8(field & 0xFF), 0, 0, 0, 1])
        }
    }

    static func ipv6(_ spec: SegmentSpec, extensionHeaders: [ExtensionHeader] = []) -> [UInt8] {
        let segment = tcp(spec)
        var chain: [UInt8] = []
        for (index, header) in extensionHeaders.enumerated() {
            let next = index + 1 < extensionHeaders.count ? extensionHeaders[index + 1].type : 6
            chain.append(next)
            if header.type == 44 {
                chain += header.body
            } else {
                let length = 2 + header.body.count
                chain.append(UInt8(length / 8 - 1))
                chain += header.body
            }
        }
        var writer = ByteWriter()
        writer.u32(0x6000_0000)
        writer.u16(UInt16(chain.count + segment.count))
        writer.u8(extensionHeaders.first?.type ?? 6)
        writer.u8(64)
        writer.u64(spec.source.address.high)
        writer.u64(spec.source.address.low)
        writer.u64(spec.destination.address.high)
        writer.u64(spec.destination.address.low)
        writer.raw(chain)
        writer.raw(segment)
        return writer.bytes
    }

    /// IPv4 or IPv6 by the addresses.
    static func ip(_ spec: SegmentSpec) -> [UInt8] {
        spec.source.address.isIPv4 ? ipv4(spec) : ipv6(spec)
    }

    // MARK: - Link layers

    static func ethertype(of packet: [UInt8]) -> UInt16 {
        packet.first.map { $0 >> 4 == 6 } == true ? 0x86DD : 0x0800
    }

    /// Ethernet II, optionally with VLAN tags (each tag: its TPID, e.g. 0x88A8 outer / 0x8100 inner).
    static func ethernet(_ packet: [UInt8], tags: [UInt16] = [], padTo minimum: Int = 60) -> [UInt8] {
        var writer = ByteWriter()
        writer.raw([0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01])
        for (index, tpid) in tags.enumerated() {
            writer.u16(tpid)
            writer.u16(UInt16(100 + index))
        }
        writer.u16(ethertype(of: packet))
        writer.raw(packet)
        while writer.bytes.count < minimum { writer.u8(0) }
        return writer.bytes
    }

    static func linuxCooked(_ packet: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.u16(0)  // sent to us
        writer.u16(1)  // ARPHRD_ETHER
        writer.u16(6)
        writer.raw([0x02, 0, 0, 0, 0, 0x02, 0, 0])
        writer.u16(ethertype(of: packet))
        writer.raw(packet)
        return writer.bytes
    }

    static func linuxCookedV2(_ packet: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.u16(ethertype(of: packet))
        writer.u16(0)
        writer.u32(2)  // interface index
        writer.u16(1)  // ARPHRD_ETHER
        writer.u8(0)
        writer.u8(6)
        writer.raw([0x02, 0, 0, 0, 0, 0x02, 0, 0])
        writer.raw(packet)
        return writer.bytes
    }

    /// BSD NULL: the address family in the capturing host's byte order.
    static func null(_ packet: [UInt8], order: ByteWriter.Order, inet6Family: UInt32 = 30) -> [UInt8] {
        var writer = ByteWriter(order: order)
        writer.u32(ethertype(of: packet) == 0x0800 ? 2 : inet6Family)
        writer.raw(packet)
        return writer.bytes
    }
}
