/// The status line every remote change script ends with: `pawsguard-status WORD [DETAIL]`.
/// Scripts print it on stdout; its absence means the script did not get that far (killed,
/// sudo refused, shell missing), which the caller reports with stderr.
public struct RemoteScriptStatus: Sendable, Hashable {
    public var word: String
    public var detail: String

    public init(word: String, detail: String = "") {
        self.word = word
        self.detail = detail
    }

    public static let prefix = "pawsguard-status "

    /// The last status line in `stdout`, if any.
    public static func parse(_ stdout: [UInt8]) -> RemoteScriptStatus? {
        let text = String(decoding: stdout, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix(prefix) }) else { return nil }
        let rest = line.dropFirst(prefix.count)
        let word = rest.prefix { $0 != " " }
        let detail = rest.dropFirst(word.count).drop { $0 == " " }
        return RemoteScriptStatus(word: String(word), detail: String(detail))
    }

    public var isOK: Bool { word == "ok" }
}

/// Shell fragments shared by the change scripts.
enum RemoteShell {
    /// `st WORD [DETAIL]` prints the status line.
    static let statusFunction = #"st() { printf 'pawsguard-status %s\n' "$*"; }"#
    /// `hash FILE` prints the file's SHA-256 (coreutils and busybox both have sha256sum).
    static let hashFunction = #"hash() { sha256sum < "$1" 2>/dev/null | cut -c1-64; }"#
}
