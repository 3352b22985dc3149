import Foundation

/// TCP endpoints on 127.0.0.1 that do not behave like an SSH server, for timeout tests.
final class MisbehavingTCPServer: @unchecked Sendable {
    let port: Int
    private let listenDescriptor: Int32
    private let lock = NSLock()
    private var heldDescriptors: [Int32] = []
    private var stopped = false

    private init(listenDescriptor: Int32, port: Int) {
        self.listenDescriptor = listenDescriptor
        self.port = port
    }

    /// SYNs are silently dropped, as on a black-holed host: a listener with backlog 0 that never
    /// accepts, whose accept queue is already full with our own connections. Linux drops a SYN
    /// for a listener whose accept queue is full instead of answering it.
    static func blackHole() throws -> MisbehavingTCPServer {
        let (descriptor, port) = try LoopbackSocket.listen(backlog: 0)
        let server = MisbehavingTCPServer(listenDescriptor: descriptor, port: port)
        for _ in 0..<3 {
            server.hold(LoopbackSocket.startConnect(port: port))
        }
        Thread.sleep(forTimeInterval: 0.1)
        return server
    }

    /// The kernel completes the TCP handshake (the connection sits in the accept queue), but
    /// nobody ever accepts or sends an SSH banner.
    static func silent() throws -> MisbehavingTCPServer {
        let (descriptor, port) = try LoopbackSocket.listen(backlog: 16)
        return MisbehavingTCPServer(listenDescriptor: descriptor, port: port)
    }

    /// Accepts, sends a valid SSH banner, then never says anything more: key exchange stalls.
    static func stallingAfterBanner() throws -> MisbehavingTCPServer {
        let (descriptor, port) = try LoopbackSocket.listen(backlog: 16)
        let server = MisbehavingTCPServer(listenDescriptor: descriptor, port: port)
        let thread = Thread { server.acceptAndStall() }
        thread.start()
        return server
    }

    private func acceptAndStall() {
        while true {
            let connection = accept(listenDescriptor, nil, nil)
            guard connection >= 0 else { return }
            let banner = Array("SSH-2.0-OpenSSH_9.2p1 Stalling\r\n".utf8)
            _ = banner.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            hold(connection)
        }
    }

    private func hold(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        if stopped { close(descriptor) } else { heldDescriptors.append(descriptor) }
    }

    /// Closes every socket; the accepting thread (which keeps the server alive) then ends.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        // shutdown wakes a thread blocked in accept(); close alone may not.
        shutdown(listenDescriptor, Int32(SHUT_RDWR))
        close(listenDescriptor)
        heldDescriptors.forEach { close($0) }
        heldDescriptors.removeAll()
    }

    deinit {
        stop()
    }
}
