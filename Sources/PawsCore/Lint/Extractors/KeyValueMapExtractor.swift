/// Files of no known syntax (`*.conf` outside sysctl.d, `*.ini`, `*.env`, templates, sources):
/// read line by line for `key = value`, `key: value`, `"key" => value`, name/value pairs and
/// shell commands (see `GenericTextScanner`).
struct KeyValueMapExtractor: SysctlAssignmentExtractor {
    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        GenericTextScanner(session: session).scan(buffer)
    }
}
