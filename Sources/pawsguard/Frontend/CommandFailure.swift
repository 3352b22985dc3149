import ArgumentParser

/// Errors of the command-line front that are not usage errors.
enum CommandFailure: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)

    var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write the report: \(reason)"
        case .cannotRead(let path, let reason): return "\(path): cannot read: \(reason)"
        }
    }
}

/// Exit statuses shared by audit, lint and apply.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
    static let hostsFailed: Int32 = 3
}
