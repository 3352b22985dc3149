import PawsCore

/// Decodes a fuzz input into the sysctl configuration files of one host.
///
/// Files are separated by `FuzzInput.fileSeparator`. Each file is a header line, then content:
///
///     /etc/sysctl.d/50-x.conf            a regular file; the rest of the chunk is its bytes
///     /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf   a symlink; any rest is what reading through it gave
///     /etc/sysctl.d/10-x.conf !absent    (or !unreadable)
///
/// Paths are taken as they come, so the fuzzer also tries relative paths, `..`, doubled slashes
/// and symlink loops on the path normalisation and symlink resolution of `SysctlConfigSet`.
public enum SysctlFilesInput {
    public static func files(from bytes: [UInt8]) -> [SysctlConfigSet.File] {
        FuzzInput.split(bytes).map(file)
    }

    private static func file(_ chunk: ArraySlice<UInt8>) -> SysctlConfigSet.File {
        let headerEnd = chunk.firstIndex(of: 0x0A) ?? chunk.endIndex
        let header = FuzzInput.text(chunk[chunk.startIndex..<headerEnd])
        let content = chunk[min(headerEnd + 1, chunk.endIndex)...]
        for marker in [" !absent", " !unreadable"] where header.hasSuffix(marker) {
            let path = String(header.dropLast(marker.count))
            return SysctlConfigSet.File(path: path, content: marker == " !absent" ? .absent : .unreadable)
        }
        if let arrow = header.range(of: " -> ") {
            return SysctlConfigSet.File(
                path: String(header[..<arrow.lowerBound]), symlinkTarget: String(header[arrow.upperBound...]),
                content: content.isEmpty ? .absent : .bytes(Array(content)))
        }
        return SysctlConfigSet.File(path: header, content: .bytes(Array(content)))
    }
}
