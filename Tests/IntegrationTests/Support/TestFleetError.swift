/// Why the test-fleet support could not do what a test asked.
enum TestFleetError: Error, CustomStringConvertible {
    case requirementMissing(reason: String)
    case toolMissing(name: String, searchPath: String)
    case launchFailed(command: [String], reason: String)
    case scriptFailed(command: [String], status: Int32, stdout: String, stderr: String)
    case scriptTimedOut(command: [String], seconds: Double)
    case stateDirectoryUnavailable(path: String, reason: String)
    case hostsTableMalformed(path: String, line: Int, content: String)
    case unknownHost(name: String, known: [String])
    case hostHasNoProcess(name: String, state: FleetHost.State)

    var description: String {
        switch self {
        case .requirementMissing(let reason):
            return "the test fleet cannot run here: \(reason); run `make test` as root with openssh-server installed"
        case .toolMissing(let name, let searchPath):
            return "`\(name)` was not found in PATH (\(searchPath)); install it (`make deps`)"
        case .launchFailed(let command, let reason):
            return "could not start `\(command.joined(separator: " "))`: \(reason)"
        case .scriptFailed(let command, let status, let stdout, let stderr):
            return "`\(command.joined(separator: " "))` exited with status \(status)\n"
                + "stderr: \(stderr.isEmpty ? "(empty)" : stderr)\nstdout: \(stdout.isEmpty ? "(empty)" : stdout)"
        case .scriptTimedOut(let command, let seconds):
            return "`\(command.joined(separator: " "))` did not finish within \(Int(seconds)) s and was killed"
        case .stateDirectoryUnavailable(let path, let reason):
            return "could not create the fleet's state folder \(path): \(reason); check that the temporary folder is writable"
        case .hostsTableMalformed(let path, let line, let content):
            return "\(path):\(line): expected 6 tab-separated fields (name, address, port, state, pid, root), got: \(content)"
        case .unknownHost(let name, let known):
            return "the fleet has no host named '\(name)'; it has: \(known.joined(separator: ", "))"
        case .hostHasNoProcess(let name, let state):
            return "host '\(name)' is \(state.rawValue) and has no sshd; only up hosts have a root to read or can be restarted"
        }
    }
}
