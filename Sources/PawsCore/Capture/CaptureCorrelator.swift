/// Matches the SYNs of a client-side capture with those of a server-side capture of the same period, and
/// says which reached the server and got no answer, and which never reached it — what the incident's
/// analysis did by hand.
///
/// A NAT between the two rewrites the source address and port, so SYNs are matched on what it leaves alone:
/// destination endpoint, initial sequence number and TSval (a retransmission carries a new TSval, so each
/// SYN packet matches its own copy). The server side is indexed first (bounded by `maximumIndexedSyns`),
/// then the client side streams past it.
///
/// Use it as the `ResolvedSynSink` of the server-side analysis, call `beginClientSide`, then use it as the
/// sink of the client-side analysis.
public struct CaptureCorrelator: ResolvedSynSink, Sendable {
    public let maximumIndexedSyns: Int
    public let maximumListedSyns: Int

    private enum Phase {
        case indexingServerSide
        case matchingClientSide
    }

    private var phase = Phase.indexingServerSide
    private var index: [SynFingerprint: ServerSideSyn] = [:]
    private var serverEndpoints: Set<PacketEndpoint> = []
    private var serverFiles: [String] = []
    private var clientFiles: [String] = []
    private var serverSpan: ClosedRange<Int64>?
    private var notIndexed = 0
    private var counts = CaptureCorrelation.Counts()
    private var translations: [AddressPair: Int] = [:]
    private var offsetSamples: [Int64] = []
    private var reachedButUnanswered: [CorrelatedSyn] = []
    private var notSeen: [CorrelatedSyn] = []
    private var notListed = 0
    /// Client-side SYNs not found on the server side whose timing is judged once the clock offset is known.
    private var unmatchedTimes: [Int64] = []

    static let maximumOffsetSamples = 100_000
    static let maximumUnmatchedTimes = 1_000_000
    static let maximumTranslations = 1_000

    public init(maximumIndexedSyns: Int = 2_000_000, maximumListedSyns: Int = 10_000) {
        self.maximumIndexedSyns = maximumIndexedSyns
        self.maximumListedSyns = maximumListedSyns
    }

    public mutating func receive(_ syn: ResolvedSyn) {
        switch phase {
        case .indexingServerSide: indexServerSide(syn)
        case .matchingClientSide: matchClientSide(syn)
        }
    }

    /// Ends the server side: `serverFiles` name its files and `span` is its first to last packet time.
    public mutating func beginClientSide(serverFiles: [String], serverSpan: ClosedRange<Int64>?, clientFiles: [String]) {
        phase = .matchingClientSide
        self.serverFiles = serverFiles
        self.serverSpan = serverSpan
        self.clientFiles = clientFiles
    }

    // MARK: - Server side

    private mutating func indexServerSide(_ syn: ResolvedSyn) {
        serverEndpoints.insert(syn.server)
        let fingerprint = SynFingerprint(syn)
        if let existing = index[fingerprint] {
            // Only SYNs without TSval collide (their retransmissions look alike): keep the best outcome.
            if syn.outcome.rank > existing.outcome.rank { index[fingerprint]?.outcome = syn.outcome }
            return
        }
        guard index.count < maximumIndexedSyns else {
            notIndexed += 1
            return
        }
        index[fingerprint] = ServerSideSyn(
            source: syn.client, timestampNanoseconds: syn.timestampNanoseconds, frameNumber: syn.frameNumber,
            fileIndex: syn.fileIndex, outcome: syn.outcome, isBelowRecent: syn.isBelowRecent, matched: false)
    }

    // MARK: - Client side

    private mutating func matchClientSide(_ syn: ResolvedSyn) {
        guard serverEndpoints.contains(syn.server) else {
            counts.synPacketsToOtherDestinations += 1
            return
        }
        counts.clientSynPackets += 1
        let fingerprint = SynFingerprint(syn)
        guard let serverSide = index[fingerprint] else {
            counts.notSeenByServer += 1
            if unmatchedTimes.count < Self.maximumUnmatchedTimes { unmatchedTimes.append(syn.timestampNanoseconds) }
            if notSeen.count < maximumListedSyns {
                notSeen.append(correlated(syn, serverSide: nil))
            } else {
                notListed += 1
            }
            return
        }
        index[fingerprint]?.matched = true
        if offsetSamples.count < Self.maximumOffsetSamples {
            offsetSamples.append(serverSide.timestampNanoseconds - syn.timestampNanoseconds)
        }
        let translation = AddressPair(clientSide: syn.client.address, serverSide: serverSide.source.address)
        if translation.clientSide != translation.serverSide,
           translations.count < Self.maximumTranslations || translations[translation] != nil {
            translations[translation, default: 0] += 1
        }
        switch serverSide.outcome {
        case .answered, .refused:
            if syn.outcome == .unanswered {
                counts.answerLostOnTheWayBack += 1
            } else {
                counts.reachedAndAnswered += 1
            }
        case .unanswered:
            counts.reachedButUnanswered += 1
            if serverSide.isBelowRecent { counts.reachedButUnansweredBelowRecent += 1 }
            if reachedButUnanswered.count < maximumListedSyns {
                reachedButUnanswered.append(correlated(syn, serverSide: serverSide))
            } else {
                notListed += 1
            }
        case .unresolved:
            counts.unresolved += 1
        }
    }

    private func correlated(_ syn: ResolvedSyn, serverSide: ServerSideSyn?) -> CorrelatedSyn {
        CorrelatedSyn(
            clientFile: syn.fileIndex < clientFiles.count ? clientFiles[syn.fileIndex] : "client-side capture",
            clientFrame: syn.frameNumber,
            clientTime: CaptureTimeFormatter.iso8601(nanoseconds: syn.timestampNanoseconds),
            clientTimestampNanoseconds: syn.timestampNanoseconds,
            client: syn.client, server: syn.server, sequenceNumber: syn.sequenceNumber,
            timestampValue: syn.timestampValue, transmission: syn.transmission,
            serverFile: serverSide.map {
                $0.fileIndex < serverFiles.count ? serverFiles[$0.fileIndex] : "server-side capture"
            },
            serverFrame: serverSide?.frameNumber,
            serverTime: serverSide.map { CaptureTimeFormatter.iso8601(nanoseconds: $0.timestampNanoseconds) },
            serverTimestampNanoseconds: serverSide?.timestampNanoseconds,
            sourceSeenByServer: serverSide?.source,
            isBelowRecentOnServer: serverSide?.isBelowRecent)
    }

    // MARK: - Result

    public func result() -> CaptureCorrelation {
        var counts = counts
        let offset = Self.median(offsetSamples)
        // A SYN sent while the server capture was not running says nothing about the network.
        if let serverSpan {
            let margin: Int64 = 1_000_000_000
            for time in unmatchedTimes {
                let serverTime = time + (offset ?? 0)
                if serverTime < serverSpan.lowerBound - margin || serverTime > serverSpan.upperBound + margin {
                    counts.notSeenByServer -= 1
                    counts.sentOutsideServerCapture += 1
                }
            }
        }
        var serverOnly: [PacketAddress: Int] = [:]
        for (_, syn) in index where !syn.matched {
            counts.serverOnlySynPackets += 1
            serverOnly[syn.source.address, default: 0] += 1
        }
        let sources = serverOnly
            .map { CaptureCorrelation.SourceCount(address: $0.key, synPackets: $0.value) }
            .sorted { ($1.synPackets, $0.address) < ($0.synPackets, $1.address) }
        let translations = translations
            .map {
                CaptureCorrelation.AddressTranslation(
                    clientSide: $0.key.clientSide, serverSide: $0.key.serverSide, synPackets: $0.value)
            }
            .sorted { ($1.synPackets, $0.clientSide) < ($0.synPackets, $1.clientSide) }
        return CaptureCorrelation(
            clientFiles: clientFiles, serverFiles: serverFiles,
            finding: Self.finding(counts, servers: serverEndpoints.sorted()),
            counts: counts,
            serverClockAheadMilliseconds: offset.map { Double($0) / 1_000_000 },
            addressTranslations: translations,
            serverOnlySources: Array(sources.prefix(50)),
            reachedButUnansweredSyns: reachedButUnanswered.sorted(by: Self.earlierOnTheClientSide),
            notSeenByServerSyns: notSeen.sorted(by: Self.earlierOnTheClientSide),
            synsNotListed: notListed,
            serverSynsNotIndexed: notIndexed)
    }

    private static func earlierOnTheClientSide(_ lhs: CorrelatedSyn, _ rhs: CorrelatedSyn) -> Bool {
        (lhs.clientTimestampNanoseconds, lhs.clientFrame) < (rhs.clientTimestampNanoseconds, rhs.clientFrame)
    }

    private static func median(_ samples: [Int64]) -> Int64? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }

    private static func finding(_ counts: CaptureCorrelation.Counts, servers: [PacketEndpoint]) -> String {
        guard counts.clientSynPackets > 0 else {
            return "The client-side capture holds no SYNs to the endpoints the server-side capture saw SYNs for; "
                + "check that both captures cover the same connections and period."
        }
        let target = servers.prefix(3).map(\.description).joined(separator: ", ")
            + (servers.count > 3 ? " and \(servers.count - 3) more" : "")
        var parts = ["\(counts.reachedAndAnswered) reached the server and were answered"]
        var unanswered = "\(counts.reachedButUnanswered) reached the server and got no answer"
        if counts.reachedButUnansweredBelowRecent > 0 {
            unanswered += " (\(counts.reachedButUnansweredBelowRecent) of them with a TSval older than the one the "
                + "server remembered for their address)"
        }
        parts.append(unanswered)
        if counts.answerLostOnTheWayBack > 0 {
            parts.append("\(counts.answerLostOnTheWayBack) were answered but the answer never reached the client")
        }
        parts.append("\(counts.notSeenByServer) never reached the server")
        if counts.sentOutsideServerCapture > 0 {
            parts.append("\(counts.sentOutsideServerCapture) were sent while the server-side capture was not running")
        }
        if counts.unresolved > 0 { parts.append("\(counts.unresolved) were too close to the end of a capture to tell") }
        let last = parts.removeLast()
        return "Of \(counts.clientSynPackets) SYNs the client side sent to \(target), "
            + parts.joined(separator: ", ") + " and " + last + "."
    }
}

/// What a NAT leaves alone in a SYN.
struct SynFingerprint: Hashable, Sendable {
    var destination: PacketEndpoint
    var sequenceNumber: UInt32
    var timestampValue: UInt32
    var hasTimestamp: Bool

    init(_ syn: ResolvedSyn) {
        destination = syn.server
        sequenceNumber = syn.sequenceNumber
        timestampValue = syn.timestampValue ?? 0
        hasTimestamp = syn.timestampValue != nil
    }
}

struct ServerSideSyn: Sendable {
    var source: PacketEndpoint
    var timestampNanoseconds: Int64
    var frameNumber: Int
    var fileIndex: Int
    var outcome: SynOutcome
    var isBelowRecent: Bool
    var matched: Bool
}

struct AddressPair: Hashable, Sendable {
    var clientSide: PacketAddress
    var serverSide: PacketAddress
}

extension SynOutcome {
    /// Which outcome wins when copies of one SYN disagree: any answer beats none.
    var rank: Int {
        switch self {
        case .unanswered: return 0
        case .unresolved: return 1
        case .refused: return 2
        case .answered: return 3
        }
    }
}
