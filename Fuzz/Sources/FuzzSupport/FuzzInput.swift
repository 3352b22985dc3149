/// The bytes libFuzzer hands a target, and the ways targets cut them into several inputs.
public enum FuzzInput {
    /// Copies libFuzzer's buffer; the parsers under test take owned arrays.
    public static func bytes(_ data: UnsafeRawPointer, _ size: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    /// Remote text reaches pawsguard as bytes and is decoded like this everywhere.
    public static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII "record separator": rare in real files, so seeds made of fixture files stay intact,
    /// and a single byte, so the fuzzer finds it at once.
    public static let fileSeparator: UInt8 = 0x1E

    /// Cuts `bytes` at every `separator`; always at least one (possibly empty) piece.
    public static func split(_ bytes: [UInt8], separator: UInt8 = fileSeparator) -> [ArraySlice<UInt8>] {
        bytes.split(separator: separator, omittingEmptySubsequences: false)
    }

    /// Two inputs from one: the first two bytes (little-endian) say how long the first is.
    /// Used for binary formats, where any separator byte occurs naturally.
    public static func pair(_ bytes: [UInt8]) -> (first: [UInt8], second: [UInt8]) {
        guard bytes.count >= 2 else { return (bytes, []) }
        let length = min(Int(bytes[0]) | Int(bytes[1]) << 8, bytes.count - 2)
        return (Array(bytes[2..<(2 + length)]), Array(bytes[(2 + length)...]))
    }
}
