/// The verdict state machine: follows every connection request (SYN) to its answer (SYN-ACK or RST) or to
/// its silence, models the PAWS memory of a tw_recycle server per client address, and counts TSval clocks
/// behind each address.
///
/// Feed it the TCP segments of a capture in file order with `consume`, then call `finish`. Memory is bounded
/// by the options: pending attempts, tracked endpoints and clients, and listed unanswered SYNs all have caps,
/// beyond which the analyzer counts instead of remembering.
public struct SynAnalyzer: Sendable {
    public let options: SynAnalysisOptions

    private var files: [String] = []
    private var fileIndex = 0
    private var firstPacket: Int64?
    private var lastPacket: Int64?
    /// The latest timestamp seen: the analysis clock for closing old attempts.
    private var now = Int64.min
    private var nextSweep = Int64.min
    private var clockOrigin: Int64?

    private var serverIndexByEndpoint: [PacketEndpoint: Int] = [:]
    private var servers: [ServerTally] = []
    private var clientIndexByKey: [ClientKey: Int] = [:]
    private var clients: [ClientTally] = []
    private var peerIndexByPair: [PeerPair: Int] = [:]
    private var peers: [PeerTimestampMemory] = []
    /// The last pair `peerIndex` found, and the last it did not (cleared when a pair is added).
    private var lastPeerHit: (pair: PeerPair, index: Int)?
    private var lastPeerMiss: PeerPair?
    private var pending: [HandshakeKey: PendingAttempt] = [:]
    /// Attempts answered within the last sweep interval, to recognize late copies of their SYN.
    private var recentlyAnswered: [HandshakeKey: AnsweredAttempt] = [:]
    private var duplicateSynPackets = 0
    private var unansweredDetails: [UnansweredSyn] = []
    private var unansweredNotListed = 0
    private var limits = AnalysisLimits()
    private let clockToleranceTicks: [UInt32]

    static let sweepInterval: Int64 = 10 * 1_000_000_000
    /// Copies of one SYN closer together than this are duplicates (retransmissions wait a second or more).
    static let duplicateWindow: Int64 = 200_000_000

    public init(options: SynAnalysisOptions = SynAnalysisOptions()) {
        self.options = options
        clockToleranceTicks = options.clockRatesHz.map { rate in
            UInt32(clamping: Int64(Double(rate) * options.clockToleranceSeconds))
        }
    }

    /// Segments consumed from now on come from the file `name` (used to name files in the listing).
    public mutating func beginFile(named name: String) {
        files.append(name)
        fileIndex = files.count - 1
    }

    /// The files announced with `beginFile`, in order.
    public var fileNames: [String] { files }

    public mutating func consume(_ segment: TCPSegmentInfo) {
        var sink = DiscardingSynSink()
        consume(segment, into: &sink)
    }

    /// Feeds one segment; SYN packets whose fate becomes known go to `sink`.
    @inline(__always)
    public mutating func consume<Sink: ResolvedSynSink>(_ segment: TCPSegmentInfo, into sink: inout Sink) {
        var segment = segment
        // Readers keep timestamps in this range already; other sources are clamped too, so that time arithmetic
        // cannot overflow.
        segment.timestampNanoseconds = min(
            max(segment.timestampNanoseconds, 0), CapturedPacket.maximumTimestampNanoseconds)
        let timestamp = segment.timestampNanoseconds
        if timestamp > now {
            now = timestamp
            if timestamp >= nextSweep { sweepExpiredAttempts(into: &sink) }
        }
        if firstPacket == nil { firstPacket = timestamp }
        lastPacket = max(lastPacket ?? timestamp, timestamp)

        let flags = segment.flags
        if flags.isConnectionRequest {
            handleConnectionRequest(segment, into: &sink)
        } else if flags.isSynAck {
            handleAnswer(segment, outcome: .answered, into: &sink)
        } else if flags.isReset {
            handleAnswer(segment, outcome: .refused, into: &sink)
        } else if let tsval = segment.timestampValue, !peers.isEmpty,
                  let peerIndex = peerIndex(server: segment.destination.address, client: segment.source.address) {
            peers[peerIndex].remember(tsval, at: timestamp, window: options.pawsWindowNanoseconds)
        }
    }

    /// The PAWS memory of a client address at a server host, if it sent SYNs there. Segments come in bursts
    /// of one connection, alternating between its two directions (one a hit, the other a miss), so the last
    /// hit and the last miss are kept and the dictionary is consulted only when the connection changes.
    @inline(__always)
    private mutating func peerIndex(server: PacketAddress, client: PacketAddress) -> Int? {
        let pair = PeerPair(server: server, client: client)
        if let hit = lastPeerHit, hit.pair == pair { return hit.index }
        if lastPeerMiss == pair { return nil }
        guard let index = peerIndexByPair[pair] else {
            lastPeerMiss = pair
            return nil
        }
        lastPeerHit = (pair, index)
        return index
    }

    public mutating func finish() -> CaptureAnalysis {
        var sink = DiscardingSynSink()
        return finish(into: &sink)
    }

    /// Closes every open attempt and builds the analysis. The analyzer is spent afterwards.
    public mutating func finish<Sink: ResolvedSynSink>(into sink: inout Sink) -> CaptureAnalysis {
        // In time order, so that which SYNs make the capped listing does not depend on dictionary order.
        let open = pending.sorted { lhs, rhs in
            (lhs.value.latest.timestampNanoseconds, lhs.value.latest.fileIndex, lhs.value.latest.frameNumber)
                < (rhs.value.latest.timestampNanoseconds, rhs.value.latest.fileIndex, rhs.value.latest.frameNumber)
        }
        pending.removeAll()
        for (key, attempt) in open {
            close(attempt, key: key, reason: .captureEnded, into: &sink)
        }
        return makeAnalysis()
    }

    // MARK: - Segments

    private mutating func handleConnectionRequest<Sink: ResolvedSynSink>(
        _ segment: TCPSegmentInfo, into sink: inout Sink
    ) {
        let serverEndpoint = segment.destination
        if !options.servers.isEmpty, !options.servers.contains(where: { $0.matches(serverEndpoint) }) { return }
        guard let serverIndex = serverIndex(for: serverEndpoint) else {
            limits.synPacketsToUntrackedEndpoints += 1
            return
        }
        let timestamp = segment.timestampNanoseconds
        let key = HandshakeKey(client: segment.source, server: serverEndpoint)
        let pendingIndex = pending.index(forKey: key)
        if isDuplicate(segment, key: key, pendingIndex: pendingIndex) {
            duplicateSynPackets += 1
            return
        }
        let clientIndex = clientIndex(server: serverIndex, address: segment.source.address)

        var recent: UInt32?
        var isBelowRecent = false
        if let tsval = segment.timestampValue {
            let peerIndex = clients[clientIndex].peerIndex
            if peerIndex >= 0 {
                let window = options.pawsWindowNanoseconds
                recent = peers[peerIndex].bindingValue(at: timestamp, window: window)
                isBelowRecent = peers[peerIndex].rejects(
                    tsval, at: timestamp, window: window, tolerance: options.pawsToleranceTicks)
                // A SYN the server drops leaves its memory untouched.
                if !isBelowRecent { peers[peerIndex].remember(tsval, at: timestamp, window: window) }
            }
            if clients[clientIndex].address != nil {
                let origin = clockOrigin ?? timestamp
                clockOrigin = origin
                clients[clientIndex].clocks.add(
                    tsval, elapsed: timestamp - origin, at: timestamp, rates: options.clockRatesHz,
                    toleranceTicks: clockToleranceTicks, maximumClusters: options.maximumClocksPerClient)
            }
        }
        countArrival(server: serverIndex, client: clientIndex) { counters in
            counters.synPackets += 1
            if segment.timestampValue != nil { counters.synPacketsWithTimestamp += 1 }
            if isBelowRecent { counters.synPacketsBelowRecent += 1 }
        }

        let transmission = SynTransmission(
            frameNumber: segment.frameNumber, fileIndex: fileIndex, timestampNanoseconds: timestamp,
            timestampValue: segment.timestampValue, recentTimestampValue: recent, isBelowRecent: isBelowRecent)
        if let index = pendingIndex {
            let previous = pending.values[index]
            if previous.sequenceNumber == segment.sequenceNumber {
                resolve(previous.latest, of: previous, key: key, outcome: .unanswered, into: &sink)
                pending.values[index].latest = transmission
                pending.values[index].transmissions += 1
                countArrival(server: serverIndex, client: clientIndex) { $0.retransmittedSynPackets += 1 }
                return
            }
            // The client gave up and reused the 4-tuple (or another host behind the NAT got the same port).
            pending.remove(at: index)
            limits.attemptsReplaced += 1
            close(previous, key: key, reason: .replaced, into: &sink)
        }
        pending[key] = PendingAttempt(
            sequenceNumber: segment.sequenceNumber, firstSeen: timestamp, transmissions: 1,
            serverIndex: serverIndex, clientIndex: clientIndex, latest: transmission)
        countArrival(server: serverIndex, client: clientIndex) { $0.connectionAttempts += 1 }
        if pending.count > options.maximumPendingAttempts { closeOldestAttempts(into: &sink) }
    }

    /// The same SYN seen again within moments (with the same TSval): a second copy of one packet, as captures
    /// on several interfaces (`-i any` across a bridge and its ports) record it, not a retransmission, which
    /// comes a second later with a newer TSval.
    private func isDuplicate(
        _ segment: TCPSegmentInfo, key: HandshakeKey, pendingIndex: Dictionary<HandshakeKey, PendingAttempt>.Index?
    ) -> Bool {
        let timestamp = segment.timestampNanoseconds
        if let pendingIndex {
            let latest = pending.values[pendingIndex]
            return latest.sequenceNumber == segment.sequenceNumber
                && latest.latest.timestampValue == segment.timestampValue
                && timestamp - latest.latest.timestampNanoseconds < Self.duplicateWindow
        }
        guard let answered = recentlyAnswered[key] else { return false }
        return answered.sequenceNumber == segment.sequenceNumber && answered.timestampValue == segment.timestampValue
            && timestamp - answered.synTimestamp < Self.duplicateWindow
    }

    /// A SYN-ACK or RST from a server endpoint: answers the pending attempt it acknowledges.
    private mutating func handleAnswer<Sink: ResolvedSynSink>(
        _ segment: TCPSegmentInfo, outcome: SynOutcome, into sink: inout Sink
    ) {
        let key = HandshakeKey(client: segment.destination, server: segment.source)
        guard let index = pending.index(forKey: key) else { return }
        let attempt = pending.values[index]
        let acknowledgesSyn = segment.acknowledgementNumber == attempt.sequenceNumber &+ 1
        // A RST without ACK answers a SYN too (some stacks and middleboxes send those).
        guard acknowledgesSyn || (outcome == .refused && !segment.flags.contains(.ack)) else { return }
        pending.remove(at: index)
        if recentlyAnswered.count >= options.maximumPendingAttempts { forgetAnsweredAttempts() }
        recentlyAnswered[key] = AnsweredAttempt(
            sequenceNumber: attempt.sequenceNumber, timestampValue: attempt.latest.timestampValue,
            synTimestamp: attempt.latest.timestampNanoseconds)
        resolve(attempt.latest, of: attempt, key: key, outcome: outcome, into: &sink)
        countArrival(server: attempt.serverIndex, client: attempt.clientIndex) { counters in
            if outcome == .answered {
                counters.attemptsAnswered += 1
                counters.synAckPackets += 1
            } else {
                counters.attemptsRefused += 1
            }
        }
    }

    // MARK: - Attempts

    private enum CloseReason {
        case expired
        case replaced
        case evicted
        case captureEnded
    }

    /// Closes an attempt that got no answer.
    private mutating func close<Sink: ResolvedSynSink>(
        _ attempt: PendingAttempt, key: HandshakeKey, reason: CloseReason, into sink: inout Sink
    ) {
        var outcome = SynOutcome.unanswered
        if reason == .captureEnded, let lastPacket,
           attempt.latest.timestampNanoseconds > lastPacket.saturatingSubtracting(options.answerGraceNanoseconds) {
            outcome = .unresolved
        }
        if reason == .evicted { limits.attemptsClosedEarly += 1 }
        resolve(attempt.latest, of: attempt, key: key, outcome: outcome, into: &sink)
        countArrival(server: attempt.serverIndex, client: attempt.clientIndex) { counters in
            if outcome == .unresolved { counters.attemptsUnresolved += 1 } else { counters.attemptsNeverAnswered += 1 }
        }
    }

    private mutating func sweepExpiredAttempts<Sink: ResolvedSynSink>(into sink: inout Sink) {
        nextSweep = now.saturatingAdding(Self.sweepInterval)
        forgetAnsweredAttempts()
        guard !pending.isEmpty else { return }
        closeAttempts(
            firstSeenBefore: now.saturatingSubtracting(options.attemptLifetimeNanoseconds), reason: .expired, into: &sink)
    }

    /// Drops answered attempts too old for a copy of their SYN to still come; when answers pour in faster than
    /// that (a flood answered with SYN cookies), all of them, which at worst lets a late copy count as a new SYN.
    private mutating func forgetAnsweredAttempts() {
        let horizon = now.saturatingSubtracting(Self.duplicateWindow)
        recentlyAnswered = recentlyAnswered.filter { $0.value.synTimestamp >= horizon }
        if recentlyAnswered.count >= options.maximumPendingAttempts / 2 { recentlyAnswered.removeAll() }
    }

    /// Too many attempts are waiting (a SYN flood, or a capture of a silent endpoint): close the oldest,
    /// halving the age limit until a quarter of the room is free again.
    private mutating func closeOldestAttempts<Sink: ResolvedSynSink>(into sink: inout Sink) {
        let target = options.maximumPendingAttempts / 4 * 3
        var age = options.attemptLifetimeNanoseconds / 2
        while pending.count > target, age > 1_000_000 {
            closeAttempts(firstSeenBefore: now.saturatingSubtracting(age), reason: .evicted, into: &sink)
            age /= 2
        }
        if pending.count > target { closeAttempts(firstSeenBefore: .max, reason: .evicted, into: &sink) }
    }

    private mutating func closeAttempts<Sink: ResolvedSynSink>(
        firstSeenBefore cutoff: Int64, reason: CloseReason, into sink: inout Sink
    ) {
        var expired: [(HandshakeKey, PendingAttempt)] = []
        for (key, attempt) in pending where attempt.firstSeen < cutoff {
            expired.append((key, attempt))
        }
        for (key, attempt) in expired.sorted(by: { $0.1.firstSeen < $1.1.firstSeen }) {
            pending.removeValue(forKey: key)
            close(attempt, key: key, reason: reason, into: &sink)
        }
    }

    /// Records the fate of one SYN packet in the counters, the listing and the sink.
    private mutating func resolve<Sink: ResolvedSynSink>(
        _ transmission: SynTransmission, of attempt: PendingAttempt, key: HandshakeKey, outcome: SynOutcome,
        into sink: inout Sink
    ) {
        let hasTimestamp = transmission.timestampValue != nil
        countArrival(server: attempt.serverIndex, client: attempt.clientIndex) { counters in
            counters.count(outcome, hasTimestamp: hasTimestamp, isBelowRecent: transmission.isBelowRecent)
        }
        let syn = ResolvedSyn(
            client: key.client, server: key.server, sequenceNumber: attempt.sequenceNumber,
            timestampValue: transmission.timestampValue, timestampNanoseconds: transmission.timestampNanoseconds,
            frameNumber: transmission.frameNumber, fileIndex: transmission.fileIndex,
            transmission: attempt.transmissions, outcome: outcome,
            recentTimestampValue: transmission.recentTimestampValue, isBelowRecent: transmission.isBelowRecent)
        if outcome == .unanswered { list(syn) }
        sink.receive(syn)
    }

    private mutating func list(_ syn: ResolvedSyn) {
        guard unansweredDetails.count < options.maximumUnansweredDetails else {
            unansweredNotListed += 1
            return
        }
        unansweredDetails.append(UnansweredSyn(
            file: syn.fileIndex < files.count ? files[syn.fileIndex] : "capture",
            frame: syn.frameNumber,
            time: CaptureTimeFormatter.iso8601(nanoseconds: syn.timestampNanoseconds),
            timestampNanoseconds: syn.timestampNanoseconds,
            client: syn.client, server: syn.server, sequenceNumber: syn.sequenceNumber,
            timestampValue: syn.timestampValue, recentTimestampValue: syn.recentTimestampValue,
            isBelowRecent: syn.isBelowRecent, transmission: syn.transmission))
    }

    // MARK: - Tallies

    @inline(__always)
    private mutating func countArrival(server: Int, client: Int, _ update: (inout SynCounters) -> Void) {
        update(&servers[server].counters)
        update(&clients[client].counters)
    }

    private mutating func serverIndex(for endpoint: PacketEndpoint) -> Int? {
        if let index = serverIndexByEndpoint[endpoint] { return index }
        guard servers.count < options.maximumServerEndpoints else { return nil }
        servers.append(ServerTally(endpoint: endpoint))
        serverIndexByEndpoint[endpoint] = servers.count - 1
        return servers.count - 1
    }

    private mutating func clientIndex(server: Int, address: PacketAddress) -> Int {
        let key = ClientKey(serverIndex: server, address: address)
        if let index = clientIndexByKey[key] { return index }
        if clients.count >= options.maximumTrackedClients {
            if let pooled = servers[server].pooledClientIndex { return pooled }
            limits.clientsPooled += 1
            clients.append(ClientTally(
                serverIndex: server, address: nil, peerIndex: -1,
                clocks: TimestampClockClusterer(rateCount: options.clockRatesHz.count)))
            servers[server].pooledClientIndex = clients.count - 1
            return clients.count - 1
        }
        let pair = PeerPair(server: servers[server].endpoint.address, client: address)
        let peerIndex: Int
        if let existing = peerIndexByPair[pair] {
            peerIndex = existing
        } else {
            peers.append(PeerTimestampMemory())
            peerIndex = peers.count - 1
            peerIndexByPair[pair] = peerIndex
            lastPeerMiss = nil
        }
        clients.append(ClientTally(
            serverIndex: server, address: address, peerIndex: peerIndex,
            clocks: TimestampClockClusterer(rateCount: options.clockRatesHz.count)))
        clientIndexByKey[key] = clients.count - 1
        servers[server].clientIndices.append(clients.count - 1)
        return clients.count - 1
    }

    // MARK: - Result

    private func makeAnalysis() -> CaptureAnalysis {
        var reports: [ServerEndpointReport] = []
        var totals = SynCounters()
        for server in servers {
            var indices = server.clientIndices
            if let pooled = server.pooledClientIndex { indices.append(pooled) }
            let clientReports = indices.map { index in
                let client = clients[index]
                return ClientReport(
                    address: client.address, counters: client.counters,
                    timestampsGoBackwards: client.counters.synPacketsBelowRecent > 0,
                    clocks: client.clocks.estimate(
                        rates: options.clockRatesHz, maximumClusters: options.maximumClocksPerClient))
            }
            reports.append(ServerEndpointReport(
                endpoint: server.endpoint, behaviour: EndpointBehaviour(server.counters), counters: server.counters,
                clients: clientReports.sorted(by: Self.moreTroubled)))
            totals.add(server.counters)
        }
        reports.sort { lhs, rhs in
            if lhs.counters.unansweredSynPackets != rhs.counters.unansweredSynPackets {
                return lhs.counters.unansweredSynPackets > rhs.counters.unansweredSynPackets
            }
            if lhs.counters.synPackets != rhs.counters.synPackets {
                return lhs.counters.synPackets > rhs.counters.synPackets
            }
            return lhs.endpoint < rhs.endpoint
        }
        let classification = CaptureSignatureClassifier.classify(
            servers: reports, selectors: options.servers,
            pawsWindowSeconds: options.pawsWindowNanoseconds / 1_000_000_000)
        return CaptureAnalysis(
            role: .capture, files: files.isEmpty ? ["capture"] : files,
            firstPacketNanoseconds: firstPacket, lastPacketNanoseconds: lastPacket,
            signature: classification.signature, finding: classification.finding, totals: totals,
            servers: reports,
            unansweredSyns: unansweredDetails.sorted {
                ($0.timestampNanoseconds, $0.file, $0.frame) < ($1.timestampNanoseconds, $1.file, $1.frame)
            },
            unansweredSynsNotListed: unansweredNotListed, duplicateSynPackets: duplicateSynPackets, limits: limits)
    }

    private static func moreTroubled(_ lhs: ClientReport, _ rhs: ClientReport) -> Bool {
        if lhs.counters.unansweredSynPackets != rhs.counters.unansweredSynPackets {
            return lhs.counters.unansweredSynPackets > rhs.counters.unansweredSynPackets
        }
        if lhs.counters.synPackets != rhs.counters.synPackets { return lhs.counters.synPackets > rhs.counters.synPackets }
        switch (lhs.address, rhs.address) {
        case let (left?, right?): return left < right
        case (.some, nil): return true
        default: return false
        }
    }
}

// MARK: - State

/// A connection attempt: client and server endpoints.
struct HandshakeKey: Hashable, Sendable {
    var client: PacketEndpoint
    var server: PacketEndpoint
}

/// The PAWS memory is per server host and client address, whatever the ports.
struct PeerPair: Hashable, Sendable {
    var server: PacketAddress
    var client: PacketAddress
}

struct ClientKey: Hashable, Sendable {
    var serverIndex: Int
    var address: PacketAddress
}

/// One SYN packet of an attempt, waiting to learn its fate.
struct SynTransmission: Sendable {
    var frameNumber: Int
    var fileIndex: Int
    var timestampNanoseconds: Int64
    var timestampValue: UInt32?
    var recentTimestampValue: UInt32?
    var isBelowRecent: Bool
}

/// What is kept of an answered attempt, briefly, to tell a duplicate copy of its SYN from a new attempt.
struct AnsweredAttempt: Sendable {
    var sequenceNumber: UInt32
    var timestampValue: UInt32?
    var synTimestamp: Int64
}

/// An attempt waiting for an answer. Only its latest SYN is kept: an earlier one is resolved (unanswered)
/// as soon as the client retransmits, so an attempt's size does not grow with its retransmissions.
struct PendingAttempt: Sendable {
    var sequenceNumber: UInt32
    var firstSeen: Int64
    var transmissions: Int
    var serverIndex: Int
    var clientIndex: Int
    var latest: SynTransmission
}

struct ServerTally: Sendable {
    var endpoint: PacketEndpoint
    var counters = SynCounters()
    var clientIndices: [Int] = []
    var pooledClientIndex: Int?
}

struct ClientTally: Sendable {
    var serverIndex: Int
    /// nil for the pool of clients past the tracking limit.
    var address: PacketAddress?
    var counters = SynCounters()
    /// Index of the PAWS memory for this address at this server host; -1 for the pool.
    var peerIndex: Int
    var clocks: TimestampClockClusterer

    init(serverIndex: Int, address: PacketAddress?, peerIndex: Int, clocks: TimestampClockClusterer) {
        self.serverIndex = serverIndex
        self.address = address
        self.peerIndex = peerIndex
        self.clocks = clocks
    }
}

extension EndpointBehaviour {
    init(_ counters: SynCounters) {
        let answered = counters.attemptsAnswered > 0
        let refused = counters.attemptsRefused > 0
        let silent = counters.unansweredSynPackets > 0
        switch (answered || refused, silent) {
        case (true, true): self = .dropsSome
        case (false, true): self = .neverAnswers
        case (true, false): self = answered ? .answersAll : .refusesAll
        case (false, false): self = .unresolved
        }
    }
}

extension Int64 {
    /// Time arithmetic with user-chosen durations: clamps instead of trapping.
    func saturatingAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    func saturatingSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? .min : .max) : difference
    }
}
