/// The TCP header flags pawsguard looks at.
public struct TCPFlags: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let fin = TCPFlags(rawValue: 0x01)
    public static let syn = TCPFlags(rawValue: 0x02)
    public static let rst = TCPFlags(rawValue: 0x04)
    public static let psh = TCPFlags(rawValue: 0x08)
    public static let ack = TCPFlags(rawValue: 0x10)
    public static let urg = TCPFlags(rawValue: 0x20)
    public static let ece = TCPFlags(rawValue: 0x40)
    public static let cwr = TCPFlags(rawValue: 0x80)

    /// A connection request: SYN without ACK.
    public var isConnectionRequest: Bool { rawValue & 0x12 == 0x02 }
    /// A server's answer to a connection request: SYN with ACK.
    public var isSynAck: Bool { rawValue & 0x12 == 0x12 }
    public var isReset: Bool { rawValue & 0x04 != 0 }

    /// tcpdump's letters: `S`, `S.`, `R.`, `F.`, `P.` ...
    public var description: String {
        var text = ""
        if contains(.syn) { text += "S" }
        if contains(.fin) { text += "F" }
        if contains(.psh) { text += "P" }
        if contains(.rst) { text += "R" }
        if contains(.urg) { text += "U" }
        if contains(.ece) { text += "E" }
        if contains(.cwr) { text += "W" }
        if contains(.ack) { text += "." }
        return text.isEmpty ? "none" : text
    }
}
