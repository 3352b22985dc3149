/// Decodes IPv4/IPv6 and the TCP header (with its options) out of a captured frame.
///
/// Works on the reader's borrowed bytes with unaligned loads and never allocates, since it runs once per
/// packet of captures that hold tens of millions of them. Anything it cannot use (not TCP, later fragments,
/// headers cut by the snapshot length, nonsense lengths) is counted in `statistics` and skipped.
public struct PacketDecoder: Sendable {
    public private(set) var statistics = PacketDecodeStatistics()

    static let tcpProtocol: UInt8 = 6
    /// IPv6 extension headers whose length is `(byte 1 + 1) * 8`: hop-by-hop, routing, destination
    /// options, mobility, HIP, shim6.
    static let lengthInOctetsExtensionHeaders: Set<UInt8> = [0, 43, 60, 135, 139, 140]
    static let fragmentHeader: UInt8 = 44
    static let authenticationHeader: UInt8 = 51
    static let maximumExtensionHeaders = 16

    public init() {}

    public mutating func decode(_ packet: CapturedPacket) -> TCPSegmentInfo? {
        statistics.packets += 1
        let bytes = packet.bytes
        guard let base = bytes.baseAddress else {
            statistics.truncatedHeaders += 1
            return nil
        }
        let offset: Int
        switch LinkLayerDecoder.locateNetworkHeader(in: bytes, linkType: packet.linkType) {
        case .network(let networkOffset):
            offset = networkOffset
        case .notIP:
            statistics.notIP += 1
            return nil
        case .truncated:
            statistics.truncatedHeaders += 1
            return nil
        case .unsupportedLinkType:
            statistics.unsupportedLinkType += 1
            return nil
        }
        let layer = NetworkLayer(
            base: base, capturedEnd: bytes.count, isCut: packet.isTruncated,
            frameNumber: packet.frameNumber, timestamp: packet.timestampNanoseconds,
            interfaceIndex: packet.interfaceIndex)
        switch base.loadByte(at: offset) >> 4 {
        case 4: return decodeIPv4(layer, at: offset)
        case 6: return decodeIPv6(layer, at: offset)
        default:
            statistics.notIP += 1
            return nil
        }
    }

    /// Where a frame's bytes are and what to stamp on the segment.
    private struct NetworkLayer {
        var base: UnsafeRawPointer
        var capturedEnd: Int
        var isCut: Bool
        var frameNumber: Int
        var timestamp: Int64
        var interfaceIndex: Int
    }

    @inline(__always)
    private mutating func decodeIPv4(_ layer: NetworkLayer, at offset: Int) -> TCPSegmentInfo? {
        let base = layer.base
        guard layer.capturedEnd - offset >= 20 else { return noteShort(layer) }
        let headerLength = Int(base.loadByte(at: offset) & 0x0F) * 4
        guard headerLength >= 20 else {
            statistics.malformed += 1
            return nil
        }
        guard layer.capturedEnd - offset >= headerLength else { return noteShort(layer) }
        if base.loadBigEndianUInt16(at: offset + 6) & 0x1FFF != 0 {
            statistics.laterFragments += 1
            return nil
        }
        guard base.loadByte(at: offset + 9) == Self.tcpProtocol else {
            statistics.notTCP += 1
            return nil
        }
        // The IP length excludes Ethernet padding and trailers; 0 is what TSO leaves in captures taken on
        // the sending host, where the captured length is all there is to go by.
        let totalLength = Int(base.loadBigEndianUInt16(at: offset + 2))
        var end = layer.capturedEnd
        if totalLength >= headerLength, offset + totalLength < end { end = offset + totalLength }
        let source = PacketAddress(ipv4: base.loadBigEndianUInt32(at: offset + 12))
        let destination = PacketAddress(ipv4: base.loadBigEndianUInt32(at: offset + 16))
        return decodeTCP(layer, at: offset + headerLength, end: end, source: source, destination: destination)
    }

    @inline(__always)
    private mutating func decodeIPv6(_ layer: NetworkLayer, at offset: Int) -> TCPSegmentInfo? {
        let base = layer.base
        guard layer.capturedEnd - offset >= 40 else { return noteShort(layer) }
        let payloadLength = Int(base.loadBigEndianUInt16(at: offset + 4))
        var end = layer.capturedEnd
        // Payload length 0 means a jumbogram (or TSO): trust the captured length.
        if payloadLength != 0, offset + 40 + payloadLength < end { end = offset + 40 + payloadLength }
        let source = PacketAddress(
            high: base.loadBigEndianUInt64(at: offset + 8), low: base.loadBigEndianUInt64(at: offset + 16))
        let destination = PacketAddress(
            high: base.loadBigEndianUInt64(at: offset + 24), low: base.loadBigEndianUInt64(at: offset + 32))
        var nextHeader = base.loadByte(at: offset + 6)
        var position = offset + 40
        for _ in 0..<Self.maximumExtensionHeaders {
            if nextHeader == Self.tcpProtocol {
                return decodeTCP(layer, at: position, end: end, source: source, destination: destination)
            }
            guard position + 8 <= end else { return noteShort(layer) }
            let following = base.loadByte(at: position)
            if Self.lengthInOctetsExtensionHeaders.contains(nextHeader) {
                position += (Int(base.loadByte(at: position + 1)) + 1) * 8
            } else if nextHeader == Self.fragmentHeader {
                if base.loadBigEndianUInt16(at: position + 2) >> 3 != 0 {
                    statistics.laterFragments += 1
                    return nil
                }
                position += 8
            } else if nextHeader == Self.authenticationHeader {
                position += (Int(base.loadByte(at: position + 1)) + 2) * 4
            } else {
                // ESP, ICMPv6, UDP, no-next-header, ...: nothing TCP to see.
                statistics.notTCP += 1
                return nil
            }
            nextHeader = following
        }
        statistics.malformed += 1
        return nil
    }

    @inline(__always)
    private mutating func decodeTCP(
        _ layer: NetworkLayer, at start: Int, end: Int, source: PacketAddress, destination: PacketAddress
    ) -> TCPSegmentInfo? {
        let base = layer.base
        guard end - start >= 20 else { return noteShort(layer) }
        let dataOffset = Int(base.loadByte(at: start + 12) >> 4) * 4
        guard dataOffset >= 20 else {
            statistics.malformed += 1
            return nil
        }
        var segment = TCPSegmentInfo(
            frameNumber: layer.frameNumber,
            timestampNanoseconds: layer.timestamp,
            interfaceIndex: layer.interfaceIndex,
            source: PacketEndpoint(address: source, port: base.loadBigEndianUInt16(at: start)),
            destination: PacketEndpoint(address: destination, port: base.loadBigEndianUInt16(at: start + 2)),
            flags: TCPFlags(rawValue: base.loadByte(at: start + 13)),
            sequenceNumber: base.loadBigEndianUInt32(at: start + 4),
            acknowledgementNumber: base.loadBigEndianUInt32(at: start + 8)
        )
        let optionsEnd = start + dataOffset
        if optionsEnd > end, !layer.isCut {
            // The data offset points past the IP payload: the header lies about its own length.
            statistics.malformedTCPOptions += 1
        }
        if dataOffset > 20 {
            parseOptions(base, from: start + 20, to: min(optionsEnd, end), cut: optionsEnd > end, into: &segment)
        }
        statistics.tcpSegments += 1
        return segment
    }

    /// Reads the timestamps option wherever it sits among NOP/MSS/SACK-permitted/window-scale/SACK options.
    /// A zero or one-byte option length, or one that runs past the header, ends the walk: there is no way to
    /// know where the next option would start.
    @inline(__always)
    private mutating func parseOptions(
        _ base: UnsafeRawPointer, from start: Int, to limit: Int, cut: Bool, into segment: inout TCPSegmentInfo
    ) {
        var position = start
        while position < limit {
            let kind = base.loadByte(at: position)
            if kind == 0 { return }
            if kind == 1 {
                position += 1
                continue
            }
            guard position + 1 < limit else {
                if !cut { statistics.malformedTCPOptions += 1 }
                return
            }
            let length = Int(base.loadByte(at: position + 1))
            guard length >= 2 else {
                statistics.malformedTCPOptions += 1
                return
            }
            guard position + length <= limit else {
                if !cut { statistics.malformedTCPOptions += 1 }
                return
            }
            if kind == 8 {
                if length == 10 {
                    segment.timestampValue = base.loadBigEndianUInt32(at: position + 2)
                    segment.timestampEchoReply = base.loadBigEndianUInt32(at: position + 6)
                } else {
                    statistics.malformedTCPOptions += 1
                }
            }
            position += length
        }
    }

    /// A header ends before it should: cut by the snapshot length, or (when the packet was captured whole)
    /// lengths that contradict each other.
    private mutating func noteShort(_ layer: NetworkLayer) -> TCPSegmentInfo? {
        if layer.isCut {
            statistics.truncatedHeaders += 1
        } else {
            statistics.malformed += 1
        }
        return nil
    }
}
