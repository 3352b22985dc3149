import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzInventoryINI_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// An Ansible INI inventory, read as INI whatever it looks like.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventoryINI(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    InventoryExercise.run(FuzzInput.text(FuzzInput.bytes(data, size)), format: .ini)
    return 0
}
