import Foundation
import FuzzSupport
import LibFuzzerEntry
import PawsCore

/// `--sample-report` prints the JSON report of `AuditFixture.playbookHost`, a seed in the current schema.
@_cdecl("FuzzAuditReport_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    guard FuzzerCommandLine.ownCommand(argc, argv, among: ["--sample-report"]) == nil else {
        print(ReportFormat.json.formatter().render(AuditFixture.audit(AuditFixture.playbookHost)))
        return 0
    }
    return paws_libfuzzer_main(argc, argv) { AuditFixture.warmUp() }
}

/// A JSON report file as `pawsguard report merge` reads it. One that decodes is rendered in every
/// format and must survive being written and read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAuditReport(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let report: AuditReport
    do {
        report = try AuditReportDecoder.decode(data: Data(bytes: data, count: size), source: "fuzz.json")
    } catch {
        _ = error.description
        return 0
    }
    AuditFixture.renderEveryFormat(report)
    AuditFixture.checkJSONRoundTrip(report)
    return 0
}
