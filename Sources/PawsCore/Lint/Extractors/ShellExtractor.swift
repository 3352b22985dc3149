/// Shell scripts (`*.sh`, files starting `#!/bin/sh`, `#!/bin/bash`...).
struct ShellExtractor: SysctlAssignmentExtractor {
    func extract(from buffer: ScanBuffer, session: ExtractionSession) {
        ShellScanner(session: session).scan(buffer)
    }
}
