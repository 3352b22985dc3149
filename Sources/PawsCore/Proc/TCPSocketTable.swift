/// Reads `/proc/net/tcp` and `/proc/net/tcp6`:
///
///       sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
///        0: 0100007F:0FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 14112 ...
///
/// Addresses are hex words in the producing host's byte order (see `ProcNetByteOrder`), ports
/// and states are hex. The header line and blank lines are skipped.
public enum TCPSocketTable {
    /// Strict: the first unreadable line is an error.
    public static func parse(
        _ text: String, source: String = "/proc/net/tcp", byteOrder: ProcNetByteOrder = .littleEndian
    ) throws -> [TCPSocketEntry] {
        let result = parseLeniently(text, source: source, byteOrder: byteOrder)
        if let problem = result.problems.first { throw problem }
        return result.entries
    }

    /// Keeps every readable line and reports the others.
    public static func parseLeniently(
        _ text: String, source: String = "/proc/net/tcp", byteOrder: ProcNetByteOrder = .littleEndian
    ) -> TCPSocketTableParseResult {
        var entries: [TCPSocketEntry] = []
        var problems: [TCPTableParseError] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = offset + 1
            let columns = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = columns.first, first != "sl" else { continue }
            do {
                entries.append(try entry(columns, line: number, source: source, byteOrder: byteOrder))
            } catch let problem as TCPTableParseError {
                problems.append(problem)
            } catch {
                preconditionFailure("entry(_:) throws only TCPTableParseError, got \(error)")
            }
        }
        return TCPSocketTableParseResult(entries: entries, problems: problems)
    }

    private static func entry(
        _ columns: [Substring], line: Int, source: String, byteOrder: ProcNetByteOrder
    ) throws -> TCPSocketEntry {
        let fail = { (kind: TCPTableParseError.Kind) in TCPTableParseError(source: source, line: line, kind: kind) }
        guard columns.count >= 4, columns[0].hasSuffix(":") else {
            throw fail(.tooFewColumns(text: columns.joined(separator: " ")))
        }
        guard let local = endpoint(columns[1], byteOrder: byteOrder) else { throw fail(.badEndpoint(text: String(columns[1]))) }
        guard let remote = endpoint(columns[2], byteOrder: byteOrder) else { throw fail(.badEndpoint(text: String(columns[2]))) }
        guard columns[3].count <= 2, let state = UInt8(columns[3], radix: 16) else {
            throw fail(.badState(text: String(columns[3])))
        }
        return TCPSocketEntry(
            local: local, remote: remote, state: TCPState(rawValue: state),
            uid: columns.count > 7 ? UInt32(columns[7]) : nil,
            inode: columns.count > 9 ? UInt64(columns[9]) : nil,
            line: line)
    }

    /// `0100007F:0FA0` → 127.0.0.1 port 4000.
    private static func endpoint(_ text: Substring, byteOrder: ProcNetByteOrder) -> TCPEndpoint? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 4, let port = UInt16(parts[1], radix: 16),
              let (address, family) = ProcNetAddressDecoder.decode(parts[0], byteOrder: byteOrder) else { return nil }
        return TCPEndpoint(address: address, port: port, family: family)
    }
}

/// Socket entries parsed leniently, with the lines that could not be read.
public struct TCPSocketTableParseResult: Sendable, Hashable {
    public let entries: [TCPSocketEntry]
    public let problems: [TCPTableParseError]
}
