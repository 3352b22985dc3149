/// A line of `/proc/net/tcp` or `/proc/net/tcp6` that could not be read.
public struct TCPTableParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Fewer than the four columns `sl local_address rem_address st`.
        case tooFewColumns(text: String)
        /// Not `HEX:PORT` with 8 or 32 hex digits.
        case badEndpoint(text: String)
        case badState(text: String)
    }

    public let source: String
    public let line: Int
    public let kind: Kind

    public init(source: String, line: Int, kind: Kind) {
        self.source = source
        self.line = line
        self.kind = kind
    }

    public var description: String {
        let place = "\(source):\(line)"
        switch kind {
        case .tooFewColumns(let text):
            return "\(place): '\(text.prefix(60))' lacks the sl, local_address, rem_address and st columns; "
                + "the output may be truncated, re-run the probe"
        case .badEndpoint(let text):
            return "\(place): '\(text.prefix(60))' is not an address:port pair in hex as the kernel prints them"
        case .badState(let text):
            return "\(place): '\(text.prefix(10))' is not a TCP state number in hex"
        }
    }
}
