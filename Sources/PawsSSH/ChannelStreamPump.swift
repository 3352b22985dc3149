import CLibSSH
import Foundation

/// Moves stdin to a running command while draining its stdout and stderr, until both output
/// streams reach EOF.
///
/// Why not plain blocking reads and writes: a blocking `ssh_channel_write` that waits for window
/// space stops us reading, and a command blocked on a full stdout stops consuming stdin — a
/// deadlock. So stdin is written only up to the server's current window (never waits), output
/// is read with `ssh_channel_read_nonblocking` on both streams (which also processes incoming
/// packets, window adjustments included), and when nothing moves we `poll(2)` the session's socket.
struct ChannelStreamPump {
    let session: ssh_session
    let channel: ssh_channel
    let endpoint: SSHEndpoint
    let deadline: SSHDeadline
    let maxOutputBytes: Int
    let command: String

    private var stdout: [UInt8] = []
    private var stderr: [UInt8] = []
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private static let writeChunk = 32 * 1024

    init(session: ssh_session, channel: ssh_channel, endpoint: SSHEndpoint, deadline: SSHDeadline,
         maxOutputBytes: Int, command: String) {
        self.session = session
        self.channel = channel
        self.endpoint = endpoint
        self.deadline = deadline
        self.maxOutputBytes = maxOutputBytes
        self.command = command
    }

    mutating func run(stdin: [UInt8]) throws -> (stdout: [UInt8], stderr: [UInt8]) {
        var stdinOffset = 0
        var stdinClosed = false
        var stdoutAtEOF = false
        var stderrAtEOF = false

        while true {
            var progressed = false
            if !stdoutAtEOF {
                let drained = try drain(isStderr: false)
                progressed = progressed || drained.progressed
                stdoutAtEOF = drained.atEOF
            }
            if !stderrAtEOF {
                let drained = try drain(isStderr: true)
                progressed = progressed || drained.progressed
                stderrAtEOF = drained.atEOF
            }
            if !stdinClosed {
                let outputDone = stdoutAtEOF && stderrAtEOF
                let written = try writeStdin(stdin, from: stdinOffset, mayWaitForWindow: outputDone)
                stdinOffset += written.count
                progressed = progressed || written.count > 0
                if written.abandoned || stdinOffset == stdin.count {
                    try closeStdin()
                    stdinClosed = true
                    progressed = true
                }
            }
            if stdoutAtEOF && stderrAtEOF && stdinClosed { break }
            if !progressed && ssh_channel_is_closed(channel) != 0 {
                guard ssh_is_connected(session) != 0 else {
                    throw failure("reading command output")
                }
                // Closed without EOF; everything buffered has been read.
                break
            }
            if deadline.isExpired {
                throw SSHError.timedOut(endpoint: endpoint, phase: .exec, after: deadline.elapsed)
            }
            if !progressed { SessionSocket.wait(session, until: deadline) }
        }
        return (stdout, stderr)
    }

    /// Reads everything libssh has buffered for one stream.
    private mutating func drain(isStderr: Bool) throws -> (progressed: Bool, atEOF: Bool) {
        var progressed = false
        let channel = self.channel
        while true {
            let count = readBuffer.withUnsafeMutableBytes { buffer in
                ssh_channel_read_nonblocking(channel, buffer.baseAddress, UInt32(buffer.count), isStderr ? 1 : 0)
            }
            if count == SSH_EOF { return (progressed, true) }
            if count == 0 { return (progressed, false) }
            if count < 0 {
                throw failure("reading command \(isStderr ? "stderr" : "stdout")")
            }
            guard stdout.count + stderr.count + Int(count) <= maxOutputBytes else {
                throw SSHError.outputTooLarge(endpoint: endpoint, command: command, limit: maxOutputBytes)
            }
            if isStderr {
                stderr.append(contentsOf: readBuffer[0..<Int(count)])
            } else {
                stdout.append(contentsOf: readBuffer[0..<Int(count)])
            }
            progressed = true
            // A command streaming faster than we read would otherwise keep us here past the deadline.
            if deadline.isExpired {
                throw SSHError.timedOut(endpoint: endpoint, phase: .exec, after: deadline.elapsed)
            }
        }
    }

    /// Writes as much stdin as the server's window takes without waiting. Once the command's
    /// output is finished no read will process packets any more, so then one write may block —
    /// bounded by the deadline — until the server opens its window.
    private func writeStdin(_ stdin: [UInt8], from offset: Int, mayWaitForWindow: Bool) throws
        -> (count: Int, abandoned: Bool)
    {
        let remaining = stdin.count - offset
        guard remaining > 0 else { return (0, false) }
        if ssh_channel_is_closed(channel) != 0 {
            return (0, true)
        }
        let window = Int(ssh_channel_window_size(channel))
        let chunk: Int
        if window > 0 {
            chunk = min(remaining, window, Self.writeChunk)
        } else if mayWaitForWindow {
            chunk = min(remaining, Self.writeChunk)
        } else {
            return (0, false)
        }
        deadline.applyAsLibsshTimeout(to: session)
        let written = stdin.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return 0 }
            return ssh_channel_write(channel, base + offset, UInt32(chunk))
        }
        if written >= 0 { return (Int(written), false) }
        // The command exited or closed its side without reading everything: like a broken pipe.
        if ssh_channel_is_closed(channel) != 0, ssh_is_connected(session) != 0 { return (0, true) }
        throw failure("writing stdin")
    }

    private func closeStdin() throws {
        guard ssh_channel_is_closed(channel) == 0 else { return }
        deadline.applyAsLibsshTimeout(to: session)
        if ssh_channel_send_eof(channel) != SSH_OK, ssh_channel_is_closed(channel) == 0 {
            throw failure("closing stdin")
        }
    }

    private func failure(_ operation: String) -> SSHError {
        ExecFailure.make(operation, session: session, endpoint: endpoint, deadline: deadline)
    }
}
