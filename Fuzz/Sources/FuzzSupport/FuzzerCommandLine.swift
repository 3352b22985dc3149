/// Fuzzers take libFuzzer's options, plus a few of their own that `scripts/fuzz` uses to write
/// seeds that stay in step with the code (the probe's keys, a current JSON report).
public enum FuzzerCommandLine {
    /// The first argument when it is one of `commands`, which libFuzzer would otherwise take for a corpus.
    public static func ownCommand(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, among commands: Set<String>
    ) -> String? {
        guard argc >= 2, let first = argv[1] else { return nil }
        let argument = String(cString: first)
        return commands.contains(argument) ? argument : nil
    }
}
