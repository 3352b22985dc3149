import ArgumentParser
import PawsCore

/// `--format F [-o FILE]`, repeatable in pairs: `--format json -o a.json --format html -o a.html`.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Report format: table, json, markdown, html, junit, prometheus (repeatable, paired with -o).",
        discussion: "Default: table on standard output.", valueName: "format"))
    var format: [String] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "Write the report to this file instead of standard output (repeatable; the format is taken from the paired --format, else from the extension).",
        valueName: "file"))
    var output: [String] = []

    /// Each requested report: a format and a file, or nil for standard output.
    func destinations() throws -> [(format: ReportFormat, path: String?)] {
        let formats = try format.map { name -> ReportFormat in
            do { return try ReportFormat.parse(name) } catch { throw ValidationError("\(error)") }
        }
        if output.isEmpty {
            guard formats.count <= 1 else {
                throw ValidationError("several --format values need one -o FILE each (only one report can go to standard output)")
            }
            return [(formats.first ?? .table, nil)]
        }
        if formats.isEmpty {
            return try output.map { path in
                guard let inferred = ReportFormat.inferred(fromPath: path) else {
                    throw ValidationError("-o \(path): cannot tell the format from the extension; add --format")
                }
                return (inferred, path)
            }
        }
        guard formats.count == output.count else {
            throw ValidationError("give one -o FILE per --format (got \(formats.count) --format and \(output.count) -o)")
        }
        return Array(zip(formats, output.map(Optional.some))).map { ($0.0, $0.1) }
    }
}
