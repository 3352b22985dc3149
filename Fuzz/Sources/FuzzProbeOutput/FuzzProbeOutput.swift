import FuzzSupport
import LibFuzzerEntry
import PawsCore

/// `--probe-keys` prints the request's keys in index order, `--probe-script` the script itself
/// (for seeds: `scripts/fuzz` assembles probe outputs from the test scenarios).
@_cdecl("FuzzProbeOutput_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    switch FuzzerCommandLine.ownCommand(argc, argv, among: ["--probe-keys", "--probe-script"]) {
    case "--probe-keys":
        print(AuditFixture.request.keys.joined(separator: "\n"))
        return 0
    case "--probe-script":
        print(ProbeScript.make(AuditFixture.request), terminator: "")
        return 0
    default:
        return paws_libfuzzer_main(argc, argv) { AuditFixture.warmUp() }
    }
}

/// What a remote host printed in answer to the probe, through the whole audit core: the output
/// parser, host facts (both appliers' precedence, counters, NAT), every built-in rule, and every
/// report format. A report that renders as JSON must read back as the same report.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProbeOutput(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let parser = ProbeOutputParser(request: AuditFixture.request, host: AuditFixture.host.name)
    let snapshot: HostSnapshot
    do {
        snapshot = try parser.parse(FuzzInput.bytes(data, size))
    } catch let error as ProbeError {
        // Remote text in an error is clipped and its control characters replaced: one line, no escapes.
        require(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                     "a probe error prints remote control characters: \(error.description.debugDescription)")
        return 0
    } catch {
        fatalError("the probe output parser threw something other than a ProbeError: \(error)")
    }
    let report = AuditFixture.audit(snapshot)
    AuditFixture.renderEveryFormat(report)
    AuditFixture.checkJSONRoundTrip(report)
    return 0
}
