/// What reading one capture file found, for the report's "inputs" section.
public struct CaptureInputReport: Sendable, Hashable, Codable {
    public var file: String
    public var role: CaptureAnalysis.Role
    public var format: CaptureReadStatistics.Format
    /// Link types of the file's interfaces, by name.
    public var linkTypes: [String]
    public var reading: CaptureReadStatistics
    public var decoding: PacketDecodeStatistics
    /// Things worth knowing about the file, one sentence each (truncation, unsupported link types, ...).
    public var notes: [String]

    init(file: String, role: CaptureAnalysis.Role, reading: CaptureReadStatistics, decoding: PacketDecodeStatistics) {
        self.file = file
        self.role = role
        format = reading.format
        linkTypes = reading.linkTypes.map(\.description)
        self.reading = reading
        self.decoding = decoding
        notes = Self.notes(reading: reading, decoding: decoding)
    }

    private static func notes(reading: CaptureReadStatistics, decoding: PacketDecodeStatistics) -> [String] {
        var notes: [String] = []
        if let offset = reading.truncatedFinalRecordOffset {
            notes.append("The file ends inside its last record (byte offset \(offset)): tcpdump was stopped while "
                + "writing; everything before it was read.")
        }
        if reading.packetsCutBySnapshotLength > 0 {
            notes.append("\(reading.packetsCutBySnapshotLength) packet(s) were cut by the snapshot length"
                + (decoding.truncatedHeaders > 0
                    ? ", \(decoding.truncatedHeaders) of them inside a header pawsguard needs (skipped)"
                    : "; the headers pawsguard needs were all complete") + ".")
        } else if decoding.truncatedHeaders > 0 {
            notes.append("\(decoding.truncatedHeaders) packet(s) end inside a header pawsguard needs (skipped).")
        }
        let unsupported = reading.linkTypes.filter { !$0.isSupported }
        if !unsupported.isEmpty || decoding.unsupportedLinkType > 0 {
            notes.append("\(decoding.unsupportedLinkType) packet(s) of unsupported link type(s) "
                + unsupported.map(\.description).joined(separator: ", ")
                + " were skipped; capture with `tcpdump -i IFACE` on an Ethernet interface or `-i any`.")
        }
        if decoding.malformed > 0 {
            notes.append("\(decoding.malformed) packet(s) had self-contradicting IP/TCP headers (skipped).")
        }
        if decoding.malformedTCPOptions > 0 {
            notes.append("\(decoding.malformedTCPOptions) TCP segment(s) had malformed options; options after the "
                + "bad one were ignored.")
        }
        if reading.packets > 0, decoding.tcpSegments == 0 {
            notes.append("The file holds no TCP segments.")
        }
        return notes
    }
}
