import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzTCPTable_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// `/proc/net/tcp` and `tcp6` text, read in both byte orders.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTCPTable(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    for byteOrder in [ProcNetByteOrder.littleEndian, .bigEndian] {
        let result = TCPSocketTable.parseLeniently(text, source: "/proc/net/tcp", byteOrder: byteOrder)
        for problem in result.problems { _ = "\(problem)" }
        for entry in result.entries { _ = "\(entry)" }
    }
    return 0
}
