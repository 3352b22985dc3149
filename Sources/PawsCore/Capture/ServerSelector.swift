/// A `--server IP[:PORT]` choice: which endpoints count as the server. Without a port, every port of the
/// address does.
public struct ServerSelector: Hashable, Sendable, CustomStringConvertible, Codable {
    public var address: PacketAddress
    public var port: UInt16?

    public init(address: PacketAddress, port: UInt16? = nil) {
        self.address = address
        self.port = port
    }

    /// Parses `192.0.2.1`, `192.0.2.1:3306`, `2001:db8::1`, `[2001:db8::1]` or `[2001:db8::1]:3306`.
    public init(parsing text: String) throws(CaptureOptionError) {
        let trimmed = text.trimmingSpaces
        var addressText = trimmed
        var portText: Substring?
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else {
                throw .invalidServer(text: text, reason: "a '[' without its ']'")
            }
            addressText = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let rest = trimmed[trimmed.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw .invalidServer(text: text, reason: "text after ']' is not ':PORT'") }
                portText = rest.dropFirst()
            }
        } else if trimmed.filter({ $0 == ":" }).count == 1, let colon = trimmed.firstIndex(of: ":") {
            addressText = String(trimmed[..<colon])
            portText = trimmed[trimmed.index(after: colon)...]
        }
        guard let address = PacketAddress(addressText) else {
            throw .invalidServer(text: text, reason: "'\(addressText)' is not an IPv4 or IPv6 address")
        }
        self.address = address
        if let portText {
            guard let port = UInt16(portText), port > 0 else {
                throw .invalidServer(text: text, reason: "'\(portText)' is not a port number (1-65535)")
            }
            self.port = port
        } else {
            port = nil
        }
    }

    @inline(__always)
    public func matches(_ endpoint: PacketEndpoint) -> Bool {
        endpoint.address == address && (port == nil || port == endpoint.port)
    }

    public var description: String {
        guard let port else { return address.description }
        return PacketEndpoint(address: address, port: port).description
    }
}

/// A bad value for one of the pcap analysis options.
public enum CaptureOptionError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidServer(text: String, reason: String)

    public var description: String {
        switch self {
        case .invalidServer(let text, let reason):
            return "--server '\(text)': \(reason); give IP or IP:PORT, e.g. 192.0.2.10:3306 or [2001:db8::10]:3306."
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
