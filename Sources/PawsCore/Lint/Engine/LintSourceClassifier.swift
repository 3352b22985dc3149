#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides how a file is read, from its name and, when the name says nothing, its first line.
///
/// Template suffixes (`.j2`, `.erb`, `.tmpl`...) are looked through: `sysctl.conf.j2` is a sysctl
/// file and `setup.sh.erb` a shell script.
public enum LintSourceClassifier {
    private static let templateSuffixes = ["j2", "jinja", "jinja2", "tmpl", "tpl", "template", "erb", "epp", "in", "dist", "sample", "example"]
    private static let documentationExtensions: Set<String> = [
        "md", "markdown", "mdown", "mkd", "rst", "adoc", "asciidoc", "txt", "html", "htm", "org", "tex", "textile", "rdoc", "pod",
    ]
    private static let documentationNames: Set<String> = [
        "license", "licence", "copying", "notice", "authors", "changelog", "changes", "readme", "contributing", "news",
    ]
    private static let shellExtensions: Set<String> = ["sh", "bash", "ksh", "zsh", "ash", "dash", "bats", "command"]
    private static let shellInterpreters: Set<String> = ["sh", "bash", "dash", "ksh", "zsh", "ash", "mksh", "busybox"]

    /// The kind the path alone implies; nil when only the content can tell.
    public static func kind(forPath path: String) -> LintSourceKind? {
        let components = path.split(separator: "/").map { $0.lowercased() }
        guard var name = components.last else { return nil }
        for _ in 0..<2 {
            guard let dot = name.lastIndex(of: "."), templateSuffixes.contains(String(name[name.index(after: dot)...])) else { break }
            name = String(name[..<dot])
        }
        let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
        if documentationExtensions.contains(ext) || (ext.isEmpty && documentationNames.contains(name)) {
            return .documentation
        }
        if name == "sysctl.conf" || (ext == "conf" && (components.dropLast().contains("sysctl.d") || name.contains("sysctl"))) {
            return .sysctlConfig
        }
        if name == "dockerfile" || name == "containerfile" || name.hasPrefix("dockerfile.") || name.hasPrefix("containerfile.")
            || ext == "dockerfile" || ext == "containerfile"
        {
            return .dockerfile
        }
        switch ext {
        case "tf", "tfvars", "hcl": return .terraform
        case "pp": return .puppet
        case "sls": return .salt
        case "yml", "yaml", "json": return .yaml
        case _ where shellExtensions.contains(ext): return .shell
        default: return nil
        }
    }

    /// The kind of a file, from its name or else its first line: `#cloud-config` is YAML, a `#!`
    /// line naming a shell is a shell script, anything else is text.
    public static func kind(forPath path: String, content: [UInt8]) -> LintSourceKind {
        if let kind = kind(forPath: path) { return kind }
        var end = 0
        while end < min(content.count, 256), content[end] != ASCII.lineFeed { end += 1 }
        let firstLine = String(decoding: content[0..<end], as: UTF8.self).trimmingSurroundingBlanks()
        if firstLine.hasPrefix("#cloud-config") { return .yaml }
        if firstLine.hasPrefix("#!") {
            let words = firstLine.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let program = words.first.map { ShellScanner.commandName($0) } ?? ""
            let interpreter = program == "env" ? words.dropFirst().first { !$0.hasPrefix("-") } ?? "" : program
            return shellInterpreters.contains(interpreter) ? .shell : .text
        }
        return .text
    }

    /// True when the first 8 KiB hold a NUL, as `grep -I` and git decide that a file is binary.
    public static func looksBinary(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard let base = prefix.baseAddress else { return false }
        return memchr(base, 0, min(prefix.count, 8192)) != nil
    }
}
