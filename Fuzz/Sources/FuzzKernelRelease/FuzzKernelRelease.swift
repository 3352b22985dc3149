import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzKernelRelease_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// `/proc/sys/kernel/osrelease` as a host reports it, and what pawsguard concludes from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKernelRelease(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let release: KernelRelease
    do {
        release = try KernelRelease.parse(FuzzInput.text(FuzzInput.bytes(data, size)))
    } catch {
        _ = "\(error)"
        return 0
    }
    _ = release.description
    _ = release.isReleaseCandidate
    for feature in KernelFeature.allCases {
        _ = feature.evidence(observed: nil, version: release.version)
    }
    return 0
}
