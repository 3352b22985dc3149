import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzNetstat_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// Two `/proc/net/netstat` samples (split at `FuzzInput.fileSeparator`) and the delta between them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetstat(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let samples = FuzzInput.split(FuzzInput.bytes(data, size)).prefix(2).map {
        NetstatParser.parseLeniently(FuzzInput.text($0))
    }
    for sample in samples {
        for problem in sample.problems { _ = "\(problem)" }
        for counter in sample.counters.counterIDs {
            _ = sample.counters[counter]
        }
    }
    if samples.count == 2 {
        let delta = NetstatDelta(from: samples[0].counters, to: samples[1].counters)
        _ = delta.resets
        for counter in samples[1].counters.counterIDs {
            _ = delta[counter]
        }
        _ = samples[0].counters.merging(samples[1].counters)
    }
    return 0
}
