enum LintTestError: Error, CustomStringConvertible {
    case toolFailed(command: String, status: Int32, stderr: String)
    case timedOut(command: String)
    case scratchUnavailable(path: String)

    var description: String {
        switch self {
        case .toolFailed(let command, let status, let stderr):
            return "`\(command)` exited with status \(status): \(stderr)"
        case .timedOut(let command):
            return "`\(command)` ran longer than 120 s and was stopped"
        case .scratchUnavailable(let path):
            return "could not create \(path) for the child's output; check that the temporary folder is writable"
        }
    }
}
