import ArgumentParser
import PawsCore

/// `--format F [-o FILE]`, repeatable in pairs, as `audit` takes them; `-o -` is standard output.
struct LintOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Output format: text, json, sarif, junit, github (repeatable, paired with -o).",
        discussion: "Default: text on standard output.", valueName: "format"))
    var format: [String] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "Write that format to this file ('-' for standard output); without --format the extension decides (.sarif, .json, .xml, .txt).",
        valueName: "file"))
    var output: [String] = []

    /// Each requested output: a format and a file, or nil for standard output.
    func destinations() throws -> [(format: LintOutputFormat, path: String?)] {
        let formats = try format.map { name -> LintOutputFormat in
            guard let format = LintOutputFormat.parse(name) else {
                throw ValidationError("--format \(name): unknown; use one of \(LintOutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return format
        }
        if output.isEmpty {
            guard formats.count <= 1 else {
                throw ValidationError("several --format values need one -o FILE each (only one output can go to standard output)")
            }
            return [(formats.first ?? .text, nil)]
        }
        let paths = output.map { $0 == "-" ? nil : $0 }
        if formats.isEmpty {
            return try paths.map { path in
                guard let path, let inferred = LintOutputFormat.inferred(fromPath: path) else {
                    throw ValidationError("-o \(path ?? "-"): cannot tell the format from the name; add --format")
                }
                return (inferred, path)
            }
        }
        guard formats.count == paths.count else {
            throw ValidationError("give one -o FILE per --format (got \(formats.count) --format and \(paths.count) -o)")
        }
        guard paths.filter({ $0 == nil }).count <= 1 else {
            throw ValidationError("only one output can go to standard output (-o -)")
        }
        return Array(zip(formats, paths))
    }
}
