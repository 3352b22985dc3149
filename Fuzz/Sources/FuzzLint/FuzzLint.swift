import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzLint_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv) {
        AuditFixture.warmUp()
        _ = lintFile(Array("etc/sysctl.conf\nnet.ipv4.tcp_tw_recycle = 1\n".utf8))
    }
}

private let linter: Linter = {
    do {
        return Linter(ruleSet: try LintRuleSet(playbooks: AuditFixture.playbooks, targetKernel: nil))
    } catch {
        fatalError("the built-in playbooks give no lint rules: \(error)")
    }
}()

/// The first line is the file's path in the repository (it decides the extractor: sysctl, shell,
/// Dockerfile, YAML, Salt, HCL, Puppet, text); the rest is the file.
private func lintFile(_ bytes: [UInt8]) -> LintReport {
    let pathEnd = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let path = FuzzInput.text(bytes[..<pathEnd])
    let content = Array(bytes[min(pathEnd + 1, bytes.count)...])
    let result = linter.lint(path: path, bytes: content)
    for finding in result.findings {
        require(finding.candidate.location.line >= 1, "a finding before the first line")
    }
    return LintReport(
        toolVersion: "fuzz", ruleSet: linter.ruleSet, findings: result.findings, notices: result.notices, skipped: [],
        filesChecked: 1, filesExcluded: 0, failOn: .error)
}

/// One repository file through `pawsguard lint`: classification, the extractor for its kind, rules
/// and suppressions, and every output format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let report = lintFile(FuzzInput.bytes(data, size))
    for format in LintOutputFormat.allCases {
        _ = format.formatter().render(report)
    }
    return 0
}
