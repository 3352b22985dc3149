import CLibSSH

/// Catches the `exit-signal` request a server sends when the command was killed by a signal;
/// libssh 0.10 keeps only `exit-status` itself and reports signals through a channel callback.
/// libssh keeps a pointer to the callback struct, so it lives here as long as the channel.
final class ChannelExitSignalRecorder {
    private(set) var signal: String?
    private(set) var coreDumped = false
    private let callbacks: UnsafeMutablePointer<ssh_channel_callbacks_struct>

    init() {
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: ssh_channel_callbacks_struct())
        callbacks.pointee.size = MemoryLayout<ssh_channel_callbacks_struct>.size
        callbacks.pointee.channel_exit_signal_function = { _, _, signal, core, _, _, userdata in
            guard let userdata else { return }
            let recorder = Unmanaged<ChannelExitSignalRecorder>.fromOpaque(userdata).takeUnretainedValue()
            recorder.signal = signal.map { String(cString: $0) } ?? "UNKNOWN"
            recorder.coreDumped = core != 0
        }
        callbacks.pointee.userdata = Unmanaged.passUnretained(self).toOpaque()
    }

    /// Only this callback is set, so libssh keeps buffering stdout/stderr for `ssh_channel_read`.
    func install(on channel: ssh_channel) {
        ssh_set_channel_callbacks(channel, callbacks)
    }

    /// Must run before `ssh_channel_free`: a channel the server has not closed yet outlives the free
    /// inside libssh and could otherwise call back into a recorder that is gone.
    func remove(from channel: ssh_channel) {
        ssh_remove_channel_callbacks(channel, callbacks)
    }

    deinit {
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
    }
}
