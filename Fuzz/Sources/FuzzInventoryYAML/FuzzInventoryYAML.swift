import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzInventoryYAML_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

/// An Ansible YAML inventory, read as YAML whatever it looks like.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInventoryYAML(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    InventoryExercise.run(FuzzInput.text(FuzzInput.bytes(data, size)), format: .yaml)
    return 0
}
