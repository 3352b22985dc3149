import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzSysctlParser_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// One sysctl file. Beyond "never crashes", checks what the fixer relies on to keep every other
/// byte of a file: the line spans tile the file, and every entry's ranges sit inside its line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSysctlParser(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let file = SysctlFileParser.parse(bytes, path: "/etc/sysctl.d/fuzz.conf")

    var offset = 0
    for (index, span) in file.lines.enumerated() {
        require(span.line == index + 1, "line numbers are not consecutive")
        require(span.fullRange.lowerBound == offset, "line \(span.line) does not start where the previous one ended")
        offset = span.fullRange.upperBound
    }
    require(offset == bytes.count, "the line spans cover \(offset) of \(bytes.count) bytes")

    for entry in file.entries {
        let line = entry.span.content
        require(line.contains(entry.keyRange.lowerBound) || entry.keyRange.lowerBound == line.upperBound, "key outside its line")
        require(entry.keyRange.upperBound <= line.upperBound, "key runs past its line")
        if let value = entry.valueRange {
            require(entry.keyRange.upperBound <= value.lowerBound && value.upperBound <= line.upperBound, "value outside its line")
        }
        require(!entry.key.components.isEmpty, "an entry without a key")
        _ = entry.key.dotted
        _ = entry.key.procPath
    }
    for diagnostic in file.diagnostics {
        _ = "\(diagnostic)"
    }
    return 0
}
