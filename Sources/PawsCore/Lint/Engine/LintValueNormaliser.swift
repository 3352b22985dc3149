/// Turns a value as written in a repository into what the kernel would be given, so that one
/// value test covers every spelling.
///
/// - surrounding blanks and one or two layers of matching quotes go: `"1"`, `'1'`, `"'1'"` → `1`;
/// - boolean words, as YAML, Ansible and Puppet write them: `yes`, `true`, `on` → `1` and `no`,
///   `false`, `off` → `0`, in any letter case. tcp_tw_recycle and tcp_timestamps are boolean-like
///   integers; Ansible's sysctl module makes the same translation. Other words stay as they are;
/// - decimal integers lose a `+` and leading zeros: `01` → `1`, as the kernel parses them;
/// - runs of blanks inside a value collapse to one space, as the audit compares values.
///
/// A value that is a template expression or a variable (`{{ x }}`, `$X`, `${x}`, `<%= x %>`,
/// `%{ x }`, `` `cmd` ``) is not known: the result is nil.
public enum LintValueNormaliser {
    public static func normalise(_ raw: String) -> String? {
        var value = raw.trimmingSurroundingBlanks()
        for _ in 0..<2 {
            guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { break }
            value = String(value.dropFirst().dropLast()).trimmingSurroundingBlanks()
        }
        if isTemplated(value) { return nil }
        switch value.lowercased() {
        case "yes", "true", "on": return "1"
        case "no", "false", "off": return "0"
        default: break
        }
        if let integer = canonicalInteger(value) { return integer }
        return value.trimmedSysctlValue
    }

    /// True when the value is computed elsewhere: a template, a variable or a command substitution.
    static func isTemplated(_ value: String) -> Bool {
        let markers = ["{{", "{%", "${", "$(", "<%", "%{", "`"]
        if markers.contains(where: value.contains) { return true }
        return value.first == "$"
    }

    private static func canonicalInteger(_ value: String) -> String? {
        var digits = Substring(value)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let trimmed = digits.drop { $0 == "0" }
        let magnitude = trimmed.isEmpty ? "0" : String(trimmed)
        return negative && magnitude != "0" ? "-" + magnitude : magnitude
    }
}
