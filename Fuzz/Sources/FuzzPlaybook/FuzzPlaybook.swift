import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzPlaybook_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv) { AuditFixture.warmUp() }
}

/// A user's playbook file. One that loads is evaluated on the fixed host of
/// `AuditFixture.playbookHost`, so its conditions and message templates run too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaybook(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let playbook: Playbook
    do {
        playbook = try PlaybookLoader().load(yaml: FuzzInput.text(FuzzInput.bytes(data, size)), source: "fuzz.yml")
    } catch {
        _ = "\(error)"
        return 0
    }
    let report = AuditFixture.audit(AuditFixture.playbookHost, evaluators: [RuleEvaluator(playbook: playbook)])
    AuditFixture.renderEveryFormat(report)
    return 0
}
