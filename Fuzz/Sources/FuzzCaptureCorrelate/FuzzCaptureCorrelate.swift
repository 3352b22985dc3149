import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzCaptureCorrelate_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// A server-side and a client-side capture (see `FuzzInput.pair`), matched SYN by SYN as
/// `pawsguard pcap --client-side` does, and the verdict rendered in every format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptureCorrelate(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let (server, client) = FuzzInput.pair(FuzzInput.bytes(data, size))
    let verdict: CaptureVerdict
    do {
        verdict = try CaptureInvestigation.correlate(
            clientSide: [.bytes(client, name: "client.pcap")], serverSide: [.bytes(server, name: "server.pcap")])
    } catch {
        _ = error.description
        return 0
    }
    for format in CaptureReportFormat.allCases {
        _ = CaptureReportRenderer.render(verdict, as: format)
    }
    return 0
}
