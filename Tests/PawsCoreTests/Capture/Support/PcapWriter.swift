/// Writes classic pcap and pcapng captures for tests, byte by byte as libpcap and Wireshark lay them out.
enum PcapWriter {
    struct Packet {
        var timestampNanoseconds: Int64
        var bytes: [UInt8]
        /// The length on the wire; defaults to `bytes.count`. Larger means the snapshot length cut it.
        var originalLength: Int?
        var interface: Int = 0

        init(timestampNanoseconds: Int64, bytes: [UInt8], originalLength: Int? = nil, interface: Int = 0) {
            self.timestampNanoseconds = timestampNanoseconds
            self.bytes = bytes
            self.originalLength = originalLength
            self.interface = interface
        }
    }

    // MARK: - Classic pcap

    static func classic(
        _ packets: [Packet], linkType: UInt32, order: ByteWriter.Order = .little, nanoseconds: Bool = false,
        snapshotLength: UInt32 = 262_144
    ) -> [UInt8] {
        var writer = ByteWriter(order: order)
        writer.u32(nanoseconds ? 0xA1B2_3C4D : 0xA1B2_C3D4)
        writer.u16(2)
        writer.u16(4)
        writer.u32(0)
        writer.u32(0)
        writer.u32(snapshotLength)
        writer.u32(linkType)
        for packet in packets {
            let captured = Array(packet.bytes.prefix(Int(snapshotLength)))
            let seconds = packet.timestampNanoseconds / 1_000_000_000
            let fraction = packet.timestampNanoseconds % 1_000_000_000
            writer.u32(UInt32(seconds))
            writer.u32(UInt32(nanoseconds ? fraction : fraction / 1_000))
            writer.u32(UInt32(captured.count))
            writer.u32(UInt32(packet.originalLength ?? packet.bytes.count))
            writer.raw(captured)
        }
        return writer.bytes
    }

    // MARK: - pcapng

    struct Interface {
        var linkType: UInt16
        var snapshotLength: UInt32 = 0
        /// The raw `if_tsresol` byte (nil: the default, microseconds).
        var timestampResolution: UInt8?
        var timestampOffsetSeconds: Int64?

        /// A timestamp in this interface's units (exact integer arithmetic, as a capturing host would).
        func units(fromNanoseconds nanoseconds: Int64) -> UInt64 {
            let sinceOffset = UInt64(nanoseconds - (timestampOffsetSeconds ?? 0) * 1_000_000_000)
            let resolution = timestampResolution ?? 6
            let exponent = UInt64(resolution & 0x7F)
            if resolution & 0x80 != 0 {
                let seconds = sinceOffset / 1_000_000_000
                let fraction = sinceOffset % 1_000_000_000
                return seconds << exponent + (fraction << exponent) / 1_000_000_000
            }
            var scale: UInt64 = 1
            for _ in 0..<(exponent <= 9 ? 9 - exponent : exponent - 9) { scale *= 10 }
            return exponent <= 9 ? sinceOffset / scale : sinceOffset * scale
        }
    }

    enum Block {
        case enhanced(Packet)
        case simple(bytes: [UInt8], originalLength: Int)
        case obsolete(Packet)
        case other(type: UInt32, body: [UInt8])
    }

    struct Section {
        var order: ByteWriter.Order
        var interfaces: [Interface]
        var blocks: [Block]
    }

    static func pcapng(_ sections: [Section]) -> [UInt8] {
        var bytes: [UInt8] = []
        for section in sections {
            bytes += block(type: 0x0A0D_0D0A, order: section.order) { body in
                body.u32(0x1A2B_3C4D)
                body.u16(1)
                body.u16(0)
                body.u64(UInt64.max)  // section length unknown
            }
            for interface in section.interfaces {
                bytes += block(type: 1, order: section.order) { body in
                    body.u16(interface.linkType)
                    body.u16(0)
                    body.u32(interface.snapshotLength)
                    if let resolution = interface.timestampResolution {
                        body.u16(9)
                        body.u16(1)
                        body.u8(resolution)
                        body.pad(to: 4)
                    }
                    if let offset = interface.timestampOffsetSeconds {
                        body.u16(14)
                        body.u16(8)
                        body.u64(UInt64(bitPattern: offset))
                    }
                    body.u16(0)
                    body.u16(0)
                }
            }
            for entry in section.blocks {
                switch entry {
                case .enhanced(let packet), .obsolete(let packet):
                    let interface = section.interfaces[packet.interface]
                    let units = interface.units(fromNanoseconds: packet.timestampNanoseconds)
                    let isEnhanced: Bool
                    if case .enhanced = entry { isEnhanced = true } else { isEnhanced = false }
                    bytes += block(type: isEnhanced ? 6 : 2, order: section.order) { body in
                        if isEnhanced {
                            body.u32(UInt32(packet.interface))
                        } else {
                            body.u16(UInt16(packet.interface))
                            body.u16(0)
                        }
                        body.u32(UInt32(units >> 32))
                        body.u32(UInt32(units & 0xFFFF_FFFF))
                        body.u32(UInt32(packet.bytes.count))
                        body.u32(UInt32(packet.originalLength ?? packet.bytes.count))
                        body.raw(packet.bytes)
                        body.pad(to: 4)
                        // An opt_comment, to prove options after the data are stepped over.
                        body.u16(1)
                        body.u16(4)
                        body.raw(Array("test".utf8))
                        body.u16(0)
                        body.u16(0)
                    }
                case .simple(let data, let originalLength):
                    bytes += block(type: 3, order: section.order) { body in
                        body.u32(UInt32(originalLength))
                        body.raw(data)
                        body.pad(to: 4)
                    }
                case .other(let type, let data):
                    bytes += block(type: type, order: section.order) { body in
                        body.raw(data)
                        body.pad(to: 4)
                    }
                }
            }
        }
        return bytes
    }

    /// Type, total length, body, total length.
    static func block(type: UInt32, order: ByteWriter.Order, body build: (inout ByteWriter) -> Void) -> [UInt8] {
        var body = ByteWriter(order: order)
        build(&body)
        var writer = ByteWriter(order: order)
        let total = UInt32(12 + body.bytes.count)
        writer.u32(type)
        writer.u32(total)
        writer.raw(body.bytes)
        writer.u32(total)
        return writer.bytes
    }
}
