/// Decides which signature a capture shows and says so in one sentence.
///
/// Only endpoints that answered some SYNs and not others are judged (an endpoint that never answers has
/// nothing listening or sits behind a firewall: neither cause this tool is about), plus endpoints whose
/// unanswered SYNs went backwards in TSval. Over those:
/// - tw_recycle/PAWS: some unanswered SYN carried a TSval older than the address's remembered one, at least
///   half of such SYNs went unanswered, and they went unanswered at more than twice the rate of the SYNs whose
///   TSval did not go backwards (of which there must be some);
/// - listen queue: SYNs went unanswered, but not that way;
/// - neither otherwise.
enum CaptureSignatureClassifier {
    struct Classification {
        var signature: CaptureSignature
        var finding: String
    }

    static func classify(
        servers: [ServerEndpointReport], selectors: [ServerSelector], pawsWindowSeconds: Int64
    ) -> Classification {
        let judged = servers.filter { server in
            server.counters.unansweredSynPackets > 0
                && (server.behaviour == .dropsSome || server.counters.unansweredBelowRecent > 0)
        }
        var counters = SynCounters()
        for server in judged { counters.add(server.counters) }

        let unanswered = counters.unansweredSynPackets
        let regressedUnanswered = counters.unansweredBelowRecent
        let regressed = regressedUnanswered + counters.answeredBelowRecent
        let resolved = unanswered + counters.answeredSynPackets
        let otherUnanswered = unanswered - regressedUnanswered
        let others = resolved - regressed
        let regressedDropRate = regressed > 0 ? Double(regressedUnanswered) / Double(regressed) : 0
        let otherDropRate = others > 0 ? Double(otherUnanswered) / Double(others) : 0

        // Without SYNs whose TSval did not go backwards there is nothing to contrast with: when every SYN looks
        // older (Linux 4.10+ clients randomize offsets per connection, and a short capture may hold only those),
        // a full listen queue drops exactly the same SYNs.
        if regressedUnanswered > 0, others > 0, regressedDropRate >= 0.5, regressedDropRate > 2 * otherDropRate {
            let affected = judged.filter { $0.counters.unansweredBelowRecent > 0 }
                .sorted { $0.counters.unansweredBelowRecent > $1.counters.unansweredBelowRecent }
            return Classification(
                signature: .pawsTimestampRejection,
                finding: "The capture shows the tcp_tw_recycle/PAWS signature: \(regressedUnanswered) of "
                    + "\(unanswered) unanswered SYNs to \(endpointList(affected)) carried a TSval older than one "
                    + "the same client address sent within \(pawsWindowSeconds) s\(clockEvidence(affected)); "
                    + "set net.ipv4.tcp_tw_recycle=0 on the server.")
        }
        if unanswered > 0 {
            let affected = judged.sorted { $0.counters.unansweredSynPackets > $1.counters.unansweredSynPackets }
            let timestampNote: String
            if counters.unansweredWithTimestamp == 0 {
                timestampNote = " and they carried no TSval"
            } else if regressedUnanswered == 0 {
                timestampNote = " and none of their TSvals went backwards"
            } else if others == 0 {
                timestampNote = "; their TSvals went backwards, but so did every other SYN's, so timestamps cannot be "
                    + "told from a full queue here (check PAWSPassive too)"
            } else {
                timestampNote = ", but SYNs whose TSval did not go backwards were dropped as well (\(otherUnanswered) "
                    + "of \(others), against \(regressedUnanswered) of \(regressed) that did)"
            }
            return Classification(
                signature: .listenQueueDrops,
                finding: "The capture shows a listen-queue problem, not tw_recycle: \(unanswered) SYNs to "
                    + "\(endpointList(affected)) got no answer\(timestampNote); compare ListenOverflows with "
                    + "ListenDrops in /proc/net/netstat on the server and check the listen backlog.")
        }
        return Classification(signature: .none, finding: neitherFinding(servers: servers, selectors: selectors))
    }

    private static func neitherFinding(servers: [ServerEndpointReport], selectors: [ServerSelector]) -> String {
        guard !servers.isEmpty else {
            let target = selectors.isEmpty ? "" : " to " + selectors.map(\.description).joined(separator: ", ")
            return "Neither signature: the capture holds no SYNs\(target)."
        }
        let silent = servers.filter { $0.behaviour == .neverAnswers }
        let answering = servers.filter { $0.counters.answeredSynPackets > 0 }
        let silentNote = silent.isEmpty ? "" : "; \(silent.count) endpoint(s) never answered any SYN ("
            + endpointList(silent) + "), which means nothing listens there, a firewall drops the SYNs, or the"
            + " capture misses the replies, not tw_recycle"
        if answering.isEmpty {
            if silent.isEmpty {
                return "Neither signature: every SYN came too close to the end of the capture to tell whether it "
                    + "was answered; capture for longer."
            }
            return "Neither signature: no SYN was answered at all" + silentNote + "."
        }
        var answered = SynCounters()
        for server in answering { answered.add(server.counters) }
        return "Neither signature: the \(answering.count) endpoint(s) that answered SYNs answered all "
            + "\(answered.answeredSynPackets) of them" + silentNote + "."
    }

    /// Up to three endpoints, then how many more.
    private static func endpointList(_ servers: [ServerEndpointReport]) -> String {
        let named = servers.prefix(3).map(\.endpoint.description).joined(separator: ", ")
        return servers.count > 3 ? "\(named) and \(servers.count - 3) more endpoint(s)" : named
    }

    /// ", and 2 TSval clocks appear behind 192.0.2.7 (several hosts behind one NAT address)".
    private static func clockEvidence(_ servers: [ServerEndpointReport]) -> String {
        var clocksByAddress: [PacketAddress: Int] = [:]
        for server in servers {
            for client in server.clients where client.counters.unansweredBelowRecent > 0 {
                guard let address = client.address, let clocks = client.clocks?.clocks, clocks > 1 else { continue }
                clocksByAddress[address] = max(clocksByAddress[address] ?? 0, clocks)
            }
        }
        guard !clocksByAddress.isEmpty else { return "" }
        let worst = clocksByAddress.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let named = worst.prefix(3).map { "\($0.value) TSval clocks appear behind \($0.key)" }
        let more = worst.count > 3 ? " and \(worst.count - 3) more address(es)" : ""
        return ", and " + named.joined(separator: ", ") + more
            + " (several hosts behind one NAT address, or randomized per-connection timestamp offsets)"
    }
}
