@testable import PawsCore

/// A client host in a scenario: its own address, the NAT address it leaves through, and its TSval clock.
struct ScenarioClient {
    var address: String
    /// The source address the server sees (nil: no NAT).
    var natAddress: String?
    var clockOffset: UInt32
    var clockHz: Int64 = 1000
    var sendsTimestamps = true

    func tsval(at nanoseconds: Int64) -> UInt32? {
        guard sendsTimestamps else { return nil }
        return clockOffset &+ UInt32(truncatingIfNeeded: nanoseconds / 1_000_000 * clockHz / 1000)
    }
}

/// Connections from clients to one server, played out the way Linux would, written as the segments a
/// server-side capture and a client-side capture (of the first client, before NAT) would hold.
///
/// With `.pawsWithTwRecycle` the server applies the tcp_tw_recycle rule itself (implemented here independently
/// of the code under test): it remembers the client address's last TSval when a connection closes and drops a
/// SYN whose TSval is more than one tick older, for 60 s.
struct ConnectionScenario {
    enum DropPolicy {
        case none
        case pawsWithTwRecycle
        /// Drops every n-th SYN packet the server receives, whatever its TSval (a full accept queue).
        case everyNthSyn(Int)
    }

    struct TimedSegment {
        var timestampNanoseconds: Int64
        var segment: SegmentSpec
    }

    var server = "192.168.11.250:3306"
    var clients: [ScenarioClient]
    var start: Int64 = 1_700_000_000 * 1_000_000_000
    var attempts: Int
    var interval: Int64 = 2_000_000_000
    var policy: DropPolicy
    /// Attempts whose first SYN is lost between client and server.
    var lostInTransit: Set<Int> = []
    /// How far the client-side capture's clock lags the server side's.
    var clientClockLag: Int64 = 3_000_000
    var retransmissionDelays: [Int64] = [1_000_000_000, 3_000_000_000]

    struct Result {
        var serverSide: [TimedSegment] = []
        var clientSide: [TimedSegment] = []
        var serverSynPackets = 0
        var droppedSynPackets = 0
        var answeredAttempts = 0
        var abandonedAttempts = 0
        var lostSynPackets = 0
        /// Client-side SYNs (first client) that reached the server and were dropped.
        var clientSideDroppedSyns = 0
    }

    func run() -> Result {
        var result = Result()
        var remembered: [String: (value: UInt32, at: Int64)] = [:]
        var serverSynCount = 0
        for attempt in 0..<attempts {
            let client = clients[attempt % clients.count]
            let seenAs = client.natAddress ?? client.address
            let clientPort = UInt16(40_000 + attempt)
            let natPort = client.natAddress == nil ? clientPort : UInt16(50_000 + attempt)
            let isn = UInt32(truncatingIfNeeded: 1_000_003 &* (attempt + 1))
            let begin = start + Int64(attempt) * interval
            let times = [begin] + retransmissionDelays.map { begin + $0 }
            var accepted = false
            for (transmission, time) in times.enumerated() {
                let tsval = client.tsval(at: time)
                let syn = { (source: String, port: UInt16) in
                    SegmentSpec("\(source):\(port)", server, flags: .syn, sequenceNumber: isn, timestampValue: tsval)
                }
                let isFirstClient = attempt % clients.count == 0
                if isFirstClient {
                    result.clientSide.append(TimedSegment(
                        timestampNanoseconds: time - clientClockLag, segment: syn(client.address, clientPort)))
                }
                if transmission == 0, lostInTransit.contains(attempt) {
                    result.lostSynPackets += 1
                    continue
                }
                result.serverSide.append(TimedSegment(timestampNanoseconds: time, segment: syn(seenAs, natPort)))
                result.serverSynPackets += 1
                serverSynCount += 1

                var dropped = false
                switch policy {
                case .none:
                    break
                case .everyNthSyn(let n):
                    dropped = serverSynCount % n == 0
                case .pawsWithTwRecycle:
                    if let tsval, let memory = remembered[seenAs], time - memory.at <= 60_000_000_000,
                       Int32(bitPattern: memory.value &- tsval) > 1 {
                        dropped = true
                    }
                }
                if dropped {
                    result.droppedSynPackets += 1
                    if isFirstClient { result.clientSideDroppedSyns += 1 }
                    continue
                }
                accepted = true
                let lastTSval = handshake(
                    at: time, client: client, clientEndpoint: "\(client.address):\(clientPort)",
                    natEndpoint: "\(seenAs):\(natPort)", isn: isn,
                    recordClientSide: isFirstClient, into: &result)
                if let lastTSval {
                    let closedAt = time + 5_200_000
                    if let memory = remembered[seenAs], Int32(bitPattern: lastTSval &- memory.value) < 0,
                       closedAt - memory.at <= 60_000_000_000 {
                        // The kernel keeps the newer value while it is fresh.
                    } else {
                        remembered[seenAs] = (lastTSval, closedAt)
                    }
                }
                break
            }
            if accepted { result.answeredAttempts += 1 } else { result.abandonedAttempts += 1 }
        }
        result.serverSide.sort { $0.timestampNanoseconds < $1.timestampNanoseconds }
        result.clientSide.sort { $0.timestampNanoseconds < $1.timestampNanoseconds }
        // Unrelated traffic after the last attempt, so that the captures run on past its final SYN and every
        // SYN's fate is known.
        let quiet = SegmentSpec("192.0.2.254:9", server, flags: .ack, sequenceNumber: 1, acknowledgementNumber: 1)
        if let last = result.serverSide.last?.timestampNanoseconds {
            result.serverSide.append(TimedSegment(timestampNanoseconds: last + 10_000_000_000, segment: quiet))
        }
        if let last = result.clientSide.last?.timestampNanoseconds {
            result.clientSide.append(TimedSegment(timestampNanoseconds: last + 10_000_000_000, segment: quiet))
        }
        return result
    }

    /// SYN-ACK, ACK, a request and its response, and the close. Returns the client's last TSval.
    private func handshake(
        at time: Int64, client: ScenarioClient, clientEndpoint: String, natEndpoint: String,
        isn: UInt32, recordClientSide: Bool, into result: inout Result
    ) -> UInt32? {
        let serverISN = isn ^ 0x5A5A_5A5A
        let serverText = server
        let serverClock = { (offset: Int64) -> UInt32 in UInt32(truncatingIfNeeded: (time + offset) / 1_000_000) &+ 777 }
        // (delay after the SYN, from client?, flags, seq, ack, payload)
        let steps: [(Int64, Bool, TCPFlags, UInt32, UInt32, Int)] = [
            (100_000, false, [.syn, .ack], serverISN, isn &+ 1, 0),
            (300_000, true, .ack, isn &+ 1, serverISN &+ 1, 0),
            (1_000_000, true, [.psh, .ack], isn &+ 1, serverISN &+ 1, 64),
            (2_000_000, false, [.psh, .ack], serverISN &+ 1, isn &+ 65, 512),
            (5_000_000, true, [.fin, .ack], isn &+ 65, serverISN &+ 513, 0),
            (5_100_000, false, [.fin, .ack], serverISN &+ 513, isn &+ 66, 0),
            (5_200_000, true, .ack, isn &+ 66, serverISN &+ 514, 0),
        ]
        var lastClientTSval: UInt32?
        for (delay, fromClient, flags, seq, ack, payload) in steps {
            let stamp = time + delay
            let tsval = fromClient ? client.tsval(at: stamp) : (client.sendsTimestamps ? serverClock(delay) : nil)
            if fromClient { lastClientTSval = tsval }
            let atServer = fromClient
                ? SegmentSpec(natEndpoint, serverText, flags: flags, sequenceNumber: seq, acknowledgementNumber: ack,
                              timestampValue: tsval, payloadLength: payload)
                : SegmentSpec(serverText, natEndpoint, flags: flags, sequenceNumber: seq, acknowledgementNumber: ack,
                              timestampValue: tsval, payloadLength: payload)
            result.serverSide.append(TimedSegment(timestampNanoseconds: stamp, segment: atServer))
            if recordClientSide {
                var atClient = atServer
                if fromClient { atClient.source = endpoint(clientEndpoint) } else { atClient.destination = endpoint(clientEndpoint) }
                result.clientSide.append(TimedSegment(
                    timestampNanoseconds: stamp - clientClockLag + (fromClient ? 0 : 200_000), segment: atClient))
            }
        }
        return lastClientTSval
    }
}

extension Array where Element == ConnectionScenario.TimedSegment {
    /// The segments as capture packets, each IP packet wrapped by `link` (Ethernet by default).
    func packets(link: ([UInt8]) -> [UInt8] = { FrameBuilder.ethernet($0) }) -> [PcapWriter.Packet] {
        map { PcapWriter.Packet(timestampNanoseconds: $0.timestampNanoseconds, bytes: link(FrameBuilder.ip($0.segment))) }
    }
}
