/// Finds the IP header behind a frame's link-layer header.
public enum LinkLayerDecoder {
    public enum Outcome: Equatable, Sendable {
        /// The IP header starts at `offset`.
        case network(offset: Int)
        /// The frame carries something other than IPv4/IPv6 (ARP, LLDP, ...).
        case notIP
        /// The frame ends inside its link-layer header.
        case truncated
        /// pawsguard does not decode this link type.
        case unsupportedLinkType
    }

    static let ethertypeIPv4: UInt16 = 0x0800
    static let ethertypeIPv6: UInt16 = 0x86DD
    /// 802.1Q, 802.1ad (QinQ outer tag) and the pre-standard QinQ tags.
    static let vlanEthertypes: Set<UInt16> = [0x8100, 0x88A8, 0x9100, 0x9200]
    /// Tags deeper than this are not real traffic.
    static let maximumVLANTags = 4

    @inline(__always)
    public static func locateNetworkHeader(in bytes: UnsafeRawBufferPointer, linkType: LinkType) -> Outcome {
        guard let base = bytes.baseAddress else { return .truncated }
        let count = bytes.count
        switch linkType {
        case .ethernet:
            guard count >= 14 else { return .truncated }
            return afterEthertype(base.loadBigEndianUInt16(at: 12), at: 14, in: base, count: count)
        case .linuxCooked:
            guard count >= 16 else { return .truncated }
            return afterEthertype(base.loadBigEndianUInt16(at: 14), at: 16, in: base, count: count)
        case .linuxCookedV2:
            guard count >= 20 else { return .truncated }
            return afterEthertype(base.loadBigEndianUInt16(at: 0), at: 20, in: base, count: count)
        case .raw, .rawBSD, .rawOpenBSD, .ipv4, .ipv6:
            return count >= 1 ? .network(offset: 0) : .truncated
        case .null, .loop:
            guard count >= 4 else { return .truncated }
            // NULL stores the family in the capturing host's byte order, LOOP in network order; accept both.
            let family = base.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            return isIPFamily(UInt32(littleEndian: family)) || isIPFamily(UInt32(bigEndian: family))
                ? .network(offset: 4) : .notIP
        default:
            return .unsupportedLinkType
        }
    }

    @inline(__always)
    private static func afterEthertype(
        _ firstEthertype: UInt16, at firstOffset: Int, in base: UnsafeRawPointer, count: Int
    ) -> Outcome {
        var ethertype = firstEthertype
        var offset = firstOffset
        var tags = 0
        while ethertype != ethertypeIPv4 && ethertype != ethertypeIPv6 {
            guard vlanEthertypes.contains(ethertype), tags < maximumVLANTags else { return .notIP }
            guard count >= offset + 4 else { return .truncated }
            ethertype = base.loadBigEndianUInt16(at: offset + 2)
            offset += 4
            tags += 1
        }
        return count > offset ? .network(offset: offset) : .truncated
    }

    /// AF_INET everywhere is 2; AF_INET6 is 10 on Linux, 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS.
    @inline(__always)
    private static func isIPFamily(_ family: UInt32) -> Bool {
        family == 2 || family == 10 || family == 24 || family == 28 || family == 30
    }
}
