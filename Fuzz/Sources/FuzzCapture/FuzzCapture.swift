import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzCapture_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// A pcap or pcapng file, read from memory, through the packet decoder and the SYN analysis.
///
/// The first byte sets the largest read the byte source hands out (1 to 255 bytes, or 0 for
/// unlimited), so records and blocks straddle the reader's refills the way they do when a large
/// file is streamed in chunks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCapture(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let chunking = bytes.first else { return 0 }
    let source = MemoryByteSource(name: "fuzz.pcap", bytes: Array(bytes.dropFirst()), maximumReadSize: chunking == 0 ? .max : Int(chunking))
    var analyzer = SynAnalyzer()
    analyzer.beginFile(named: source.name)
    var decoder = PacketDecoder()
    do {
        var reader = try CaptureFile.reader(for: source)
        while let packet = try reader.next() {
            require(packet.bytes.count <= maximumCaptureRecordLength, "a packet larger than any record")
            if let segment = decoder.decode(packet) {
                analyzer.consume(segment)
            }
        }
        _ = reader.statistics
    } catch {
        _ = error.description
    }
    _ = decoder.statistics
    _ = analyzer.finish()
    return 0
}
