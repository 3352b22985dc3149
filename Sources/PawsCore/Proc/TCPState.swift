/// The state column of `/proc/net/tcp` (`st`), the kernel's `TCP_*` state numbers in hex.
/// Unknown numbers are kept, so a newer kernel's states do not break parsing.
public struct TCPState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let established = TCPState(rawValue: 0x01)
    public static let synSent = TCPState(rawValue: 0x02)
    public static let synReceived = TCPState(rawValue: 0x03)
    public static let finWait1 = TCPState(rawValue: 0x04)
    public static let finWait2 = TCPState(rawValue: 0x05)
    public static let timeWait = TCPState(rawValue: 0x06)
    public static let close = TCPState(rawValue: 0x07)
    public static let closeWait = TCPState(rawValue: 0x08)
    public static let lastAck = TCPState(rawValue: 0x09)
    public static let listen = TCPState(rawValue: 0x0A)
    public static let closing = TCPState(rawValue: 0x0B)
    public static let newSynReceived = TCPState(rawValue: 0x0C)

    /// The kernel's name, as `ss` prints it in capitals.
    public var description: String {
        switch rawValue {
        case 0x01: return "ESTABLISHED"
        case 0x02: return "SYN_SENT"
        case 0x03: return "SYN_RECV"
        case 0x04: return "FIN_WAIT1"
        case 0x05: return "FIN_WAIT2"
        case 0x06: return "TIME_WAIT"
        case 0x07: return "CLOSE"
        case 0x08: return "CLOSE_WAIT"
        case 0x09: return "LAST_ACK"
        case 0x0A: return "LISTEN"
        case 0x0B: return "CLOSING"
        case 0x0C: return "NEW_SYN_RECV"
        default: return "UNKNOWN(0x" + String(rawValue, radix: 16, uppercase: true) + ")"
        }
    }
}
