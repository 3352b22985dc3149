/// One-off searches (locating a key found inside a string in the raw file).
enum ByteSearch {
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int, before limit: Int) -> Int? {
        guard !needle.isEmpty else { return nil }
        return BytePattern(needle).firstOffset(in: haystack, from: start, before: limit)
    }
}
