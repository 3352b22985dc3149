import Foundation

/// Runs a program with arguments (no shell) and collects its output. Uses `posix_spawn` and
/// `poll` directly: Foundation's `Process.waitUntilExit()` polls a run loop every 50 ms, which
/// would dominate the run time of `pawsguard lint` on a small tree.
enum ChildProcess {
    struct Outcome {
        let status: Int32
        let output: [UInt8]
        let error: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case cannotStart(program: String, reason: String)

        var description: String {
            switch self {
            case .cannotStart(let program, let reason): return "cannot run \(program): \(reason)"
            }
        }
    }

    static func run(_ program: String, _ arguments: [String]) throws(Failure) -> Outcome {
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
            throw .cannotStart(program: program, reason: String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
        for descriptor in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawned == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            throw .cannotStart(program: program, reason: String(cString: strerror(spawned)))
        }
        let (output, error) = drain(output: outputPipe[0], error: errorPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exitStatus, output: output, error: error)
    }

    /// Reads both pipes to their end, whichever has data, so neither can fill up and block the child.
    private static func drain(output: Int32, error: Int32) -> ([UInt8], [UInt8]) {
        var collected: [Int32: [UInt8]] = [output: [], error: []]
        var open = [output, error]
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 || errno == EINTR else { break }
            for entry in descriptors where entry.revents != 0 {
                let count = chunk.withUnsafeMutableBytes { Foundation.read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[entry.fd, default: []] += chunk[0..<count]
                } else if count == 0 || errno != EINTR {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return (collected[output] ?? [], collected[error] ?? [])
    }
}
