/// The absolute paths of the files to read, packed into one byte buffer: a repository's file list
/// costs about the size of its text, not a few string objects per file, so memory stays flat
/// as repositories grow.
struct LintInputList: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    mutating func append(_ path: String) {
        bytes += path.utf8
        ends.append(UInt32(bytes.count))
    }

    /// Appends `directory + "/" + name` without making a string of it.
    mutating func append(directory: String, name: ArraySlice<UInt8>) {
        bytes += directory.utf8
        if directory != "/" { bytes.append(UInt8(ascii: "/")) }
        bytes += name
        ends.append(UInt32(bytes.count))
    }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }
}
