/// What the SYN analysis needs from one TCP segment: when, between which endpoints, flags, sequence
/// numbers and the RFC 7323 timestamps.
public struct TCPSegmentInfo: Hashable, Sendable {
    /// 1-based frame number within its capture file.
    public var frameNumber: Int
    /// Nanoseconds since the Unix epoch.
    public var timestampNanoseconds: Int64
    public var interfaceIndex: Int
    public var source: PacketEndpoint
    public var destination: PacketEndpoint
    public var flags: TCPFlags
    public var sequenceNumber: UInt32
    public var acknowledgementNumber: UInt32
    /// TSval of the timestamps option, when the segment carries one.
    public var timestampValue: UInt32?
    /// TSecr of the timestamps option.
    public var timestampEchoReply: UInt32?

    public init(
        frameNumber: Int, timestampNanoseconds: Int64, interfaceIndex: Int = 0,
        source: PacketEndpoint, destination: PacketEndpoint, flags: TCPFlags,
        sequenceNumber: UInt32, acknowledgementNumber: UInt32,
        timestampValue: UInt32? = nil, timestampEchoReply: UInt32? = nil
    ) {
        self.frameNumber = frameNumber
        self.timestampNanoseconds = timestampNanoseconds
        self.interfaceIndex = interfaceIndex
        self.source = source
        self.destination = destination
        self.flags = flags
        self.sequenceNumber = sequenceNumber
        self.acknowledgementNumber = acknowledgementNumber
        self.timestampValue = timestampValue
        self.timestampEchoReply = timestampEchoReply
    }
}
