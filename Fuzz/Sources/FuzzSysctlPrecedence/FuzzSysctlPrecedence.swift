import FuzzSupport
import LibFuzzerEntry
import PawsCore

@_cdecl("FuzzSysctlPrecedence_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    paws_libfuzzer_main(argc, argv, nil)
}

private let liveKeys: Set<SysctlKey> = [.tcpTwRecycle, .tcpTimestamps, .tcpTwReuse]

private let models: [any SysctlApplierModel] = [
    ProcpsSystemModel(), ProcpsSystemModel(legacy: true), SystemdSysctlModel(),
    SystemdSysctlModel(directories: SystemdSysctlModel.splitUsrDirectories),
]

/// A host's whole set of sysctl files (see `SysctlFilesInput` for the input format) through both
/// appliers' precedence models and the fixer's search for every assignment of a key.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSysctlPrecedence(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let configuration = SysctlConfigSet(files: SysctlFilesInput.files(from: FuzzInput.bytes(data, size)))
    var keys: [SysctlKey] = [.tcpTwRecycle, .tcpTimestamps]
    let evaluations = models.map { $0.evaluate(configuration) }
    for evaluation in evaluations {
        _ = evaluation.isComplete
        for diagnostic in evaluation.diagnostics { _ = "\(diagnostic)" }
        let explicit = evaluation.explicitKeys
        // everyAssignment(to:) parses every file again per key: a few keys from the input suffice.
        for key in explicit.sorted().prefix(3) where !keys.contains(key) { keys.append(key) }
        let everything = evaluation.effectiveTable()
        for (key, setting) in everything {
            require(explicit.contains(key), "\(key) is effective without any line naming it")
            require(evaluation.setting(for: key) == setting, "effectiveTable and setting(for:) disagree on \(key)")
        }
        let live = evaluation.effectiveTable(liveKeys: liveKeys)
        for (key, setting) in live {
            require(explicit.contains(key) || liveKeys.contains(key), "\(key) is effective but neither named nor live")
            require(evaluation.setting(for: key, liveKeys: liveKeys) == setting, "effectiveTable and setting(for:) disagree on \(key)")
        }
        _ = evaluation.globPatterns
        _ = evaluation.assignments(to: .tcpTwRecycle, liveKeys: liveKeys)
        _ = evaluation.value(for: .tcpTimestamps)
    }
    // The fixer edits every line `everyAssignment` returns; a line an applier makes effective
    // that is not among them would survive the fix.
    for key in keys {
        let assignments = configuration.everyAssignment(to: key)
        for entry in assignments {
            require(entry.key == key || entry.key.globMatches(key), "everyAssignment(to: \(key)) returned \(entry.key)")
        }
        // A line written `- key = value` is read by procps with the blank in the key (it lstrips the
        // line, skips `-`, then only rstrips the key): such a key names no /proc/sys file and never
        // takes effect, so only keys without blanks are held to this.
        let namesARealFile = !key.components.contains(where: containsBlank)
        for evaluation in evaluations where namesARealFile {
            guard let setting = evaluation.setting(for: key) else { continue }
            require(
                assignments.contains { $0.location.path == setting.originRealPath && $0.location.line == setting.origin.line },
                "\(evaluation.applier) makes \(setting.originRealPath):\(setting.origin.line) effective for \(key), "
                    + "but everyAssignment(to:) does not list it")
        }
    }
    for file in configuration.files {
        _ = configuration.resolve(file.path)
    }
    return 0
}

/// C `isspace()`, as procps trims with it.
private func containsBlank(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0 == " " || (0x09...0x0D).contains($0.value) }
}
