/// A finding's identity that survives unrelated edits: rule, file, key and the text of the line
/// (blanks collapsed), plus how many identical lines came before it in the file. Code scanning
/// uses it (SARIF `partialFingerprints`) to keep a finding's history when lines move.
public enum LintFingerprint {
    public static let version = "pawsguardLint/v1"

    public static func compute(ruleID: String, path: String, key: SysctlKey, lineText: String, occurrence: Int) -> String {
        let normalisedLine = lineText.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in [version, ruleID, path, key.dotted, normalisedLine, String(occurrence)] {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
