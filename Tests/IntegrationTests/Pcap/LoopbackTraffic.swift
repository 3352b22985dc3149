import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Makes TCP connections between two loopback addresses, the way the incident's telnet did: to a closed
/// port (answered by RST), to an open port (SYN-ACK), and to a listener that never accepts, whose full queue
/// makes the kernel drop further SYNs.
struct LoopbackTraffic {
    var serverAddress: String
    var clientAddress: String

    /// A port on the server address with nothing listening.
    func closedPort() throws -> UInt16 {
        let probe = try socketBound(to: serverAddress)
        let port = try localPort(of: probe)
        close(probe)
        return port
    }

    /// A SYN to `port` from the client address; returns the socket (non-blocking, connecting).
    func connect(to port: UInt16) throws -> Int32 {
        let descriptor = try socketBound(to: clientAddress)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var address = try socketAddress(serverAddress, port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 || errno == EINPROGRESS else { throw TrafficError.system("connect", errno) }
        return descriptor
    }

    /// A listening socket on the server address with the given backlog; returns it and its port.
    func listen(backlog: Int32) throws -> (descriptor: Int32, port: UInt16) {
        let descriptor = try socketBound(to: serverAddress)
        guard Glibc.listen(descriptor, backlog) == 0 else { throw TrafficError.system("listen", errno) }
        return (descriptor, try localPort(of: descriptor))
    }

    /// A complete connection to `listener`: SYN, SYN-ACK, ACK, then both ends close.
    func answeredConnection(to listener: (descriptor: Int32, port: UInt16)) throws {
        let client = try connect(to: listener.port)
        var poller = pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 5_000) == 1 else { throw TrafficError.timeout("accept") }
        let accepted = accept(listener.descriptor, nil, nil)
        if accepted >= 0 { close(accepted) }
        Thread.sleep(forTimeInterval: 0.02)
        close(client)
    }

    private func socketBound(to address: String) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TrafficError.system("socket", errno) }
        var local = try socketAddress(address, port: 0)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw TrafficError.system("bind \(address)", errno)
        }
        return descriptor
    }

    private func localPort(of descriptor: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw TrafficError.system("getsockname", errno) }
        return UInt16(bigEndian: address.sin_port)
    }

    private func socketAddress(_ text: String, port: UInt16) throws -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, text, &address.sin_addr) == 1 else { throw TrafficError.badAddress(text) }
        return address
    }
}

enum TrafficError: Error, CustomStringConvertible {
    case system(String, Int32)
    case timeout(String)
    case badAddress(String)

    var description: String {
        switch self {
        case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        case .timeout(let what): return "\(what) timed out"
        case .badAddress(let text): return "'\(text)' is not an IPv4 address"
        }
    }
}
