/// The human-readable layout of a verdict (headings, sentences, tables), built once and then rendered as a
/// terminal table, Markdown or HTML, so the three show the same evidence in the same order.
struct CaptureReportDocument {
    struct Section {
        var heading: String
        var blocks: [Block]
    }

    enum Block {
        case paragraph(String)
        case table(ReportTable)
        case notes([String])
    }

    struct ReportTable {
        var headers: [String]
        var rows: [[String]]
        /// Columns holding numbers, aligned right.
        var numericColumns: Set<Int> = []
    }

    var title: String
    var verdictLabel: String
    var summary: String
    var sections: [Section]

    /// Rows shown per listing in the human formats; JSON lists everything.
    static let listedRows = 20
    static let listedClients = 20
    static let listedEndpoints = 20

    init(_ verdict: CaptureVerdict) {
        title = "pawsguard pcap: " + verdict.inputs.map(\.file).uniqued().joined(separator: ", ")
        verdictLabel = Self.label(verdict.signature)
        summary = verdict.summary
        sections = [Self.inputsSection(verdict)]
        for analysis in verdict.analyses {
            sections.append(contentsOf: Self.analysisSections(analysis, titled: verdict.analyses.count > 1))
        }
        if let correlation = verdict.correlation {
            sections.append(contentsOf: Self.correlationSections(correlation))
        }
    }

    static func label(_ signature: CaptureSignature) -> String {
        switch signature {
        case .pawsTimestampRejection: return "tcp_tw_recycle/PAWS signature found"
        case .listenQueueDrops: return "listen-queue problem found"
        case .none: return "no problem signature"
        }
    }

    // MARK: - Sections

    private static func inputsSection(_ verdict: CaptureVerdict) -> Section {
        let rows = verdict.inputs.map { input in
            [
                input.file, input.role.rawValue, input.format.rawValue, input.linkTypes.joined(separator: ", "),
                grouped(input.reading.packets), grouped(input.decoding.tcpSegments),
            ]
        }
        var blocks: [Block] = [.table(ReportTable(
            headers: ["FILE", "ROLE", "FORMAT", "LINK TYPE", "PACKETS", "TCP SEGMENTS"], rows: rows,
            numericColumns: [4, 5]))]
        let notes = verdict.inputs.flatMap { input in input.notes.map { "\(input.file): \($0)" } }
        if !notes.isEmpty { blocks.append(.notes(notes)) }
        return Section(heading: "Captures", blocks: blocks)
    }

    private static func analysisSections(_ analysis: CaptureAnalysis, titled: Bool) -> [Section] {
        let prefix = titled ? "\(analysis.role.rawValue.capitalizedFirst) capture: " : ""
        // A lone analysis's finding is the summary at the top already.
        var overview: [Block] = titled ? [.paragraph(analysis.finding)] : []
        if let first = analysis.firstPacketNanoseconds, let last = analysis.lastPacketNanoseconds {
            overview.append(.paragraph(
                "TCP traffic from \(CaptureTimeFormatter.iso8601(nanoseconds: first)) to "
                    + "\(CaptureTimeFormatter.iso8601(nanoseconds: last)) "
                    + "(\(CaptureTimeFormatter.duration(nanoseconds: last - first)))."))
        }
        if analysis.servers.isEmpty {
            return [Section(heading: prefix + "Server endpoints", blocks: overview + [.paragraph("No SYNs.")])]
        }
        let endpointRows = analysis.servers.prefix(listedEndpoints).map { server in
            let counters = server.counters
            return [
                server.endpoint.description, server.behaviour.rawValue, grouped(counters.synPackets),
                grouped(counters.retransmittedSynPackets), grouped(counters.synAckPackets),
                grouped(counters.attemptsAnswered), grouped(counters.attemptsRefused),
                grouped(counters.attemptsNeverAnswered), grouped(counters.unansweredSynPackets),
                grouped(counters.unansweredBelowRecent),
            ]
        }
        overview.append(.table(ReportTable(
            headers: [
                "SERVER ENDPOINT", "BEHAVIOUR", "SYNS", "RETRANSMITTED", "SYN-ACKS", "ANSWERED", "REFUSED",
                "NEVER ANSWERED", "UNANSWERED SYNS", "OF THEM TSVAL BACKWARDS",
            ],
            rows: Array(endpointRows), numericColumns: Set(2...9))))
        if analysis.servers.count > listedEndpoints {
            overview.append(.paragraph("\(analysis.servers.count - listedEndpoints) more endpoint(s) in --format json."))
        }
        overview.append(.paragraph(
            "SYNS counts every SYN packet (retransmissions included); ANSWERED, REFUSED and NEVER ANSWERED count "
                + "connection attempts (4-tuple + ISN); UNANSWERED SYNS counts SYN packets no SYN-ACK or RST "
                + "followed."))
        var sections = [Section(heading: prefix + "Server endpoints", blocks: overview)]

        for server in analysis.servers.prefix(listedEndpoints) where server.counters.unansweredSynPackets > 0 {
            sections.append(Section(
                heading: prefix + "Clients of \(server.endpoint)", blocks: clientBlocks(server)))
        }
        if analysis.totals.unansweredSynPackets > 0 {
            sections.append(Section(heading: prefix + "Unanswered SYNs", blocks: unansweredBlocks(analysis)))
        }
        let limits = limitNotes(analysis.limits)
        if !limits.isEmpty { sections.append(Section(heading: prefix + "Memory bounds reached", blocks: [.notes(limits)])) }
        return sections
    }

    private static func clientBlocks(_ server: ServerEndpointReport) -> [Block] {
        let rows = server.clients.prefix(listedClients).map { client in
            let counters = client.counters
            let backwards = client.timestampsGoBackwards ? "yes (\(grouped(counters.synPacketsBelowRecent)) SYNs)" : "no"
            return [
                client.address?.description ?? "(other clients)", grouped(counters.synPackets),
                grouped(counters.attemptsAnswered + counters.attemptsRefused), grouped(counters.unansweredSynPackets),
                grouped(counters.unansweredBelowRecent), grouped(counters.retransmittedSynPackets), backwards,
                clockText(client.clocks),
            ]
        }
        var blocks: [Block] = [.table(ReportTable(
            headers: [
                "CLIENT ADDRESS", "SYNS", "ANSWERED ATTEMPTS", "UNANSWERED SYNS", "OF THEM TSVAL BACKWARDS",
                "RETRANSMITTED", "TSVALS GO BACKWARDS", "TSVAL CLOCKS",
            ],
            rows: Array(rows), numericColumns: [1, 2, 3, 4, 5]))]
        if server.clients.count > listedClients {
            blocks.append(.paragraph("\(server.clients.count - listedClients) more client address(es) in --format json."))
        }
        return blocks
    }

    private static func unansweredBlocks(_ analysis: CaptureAnalysis) -> [Block] {
        let listed = analysis.unansweredSyns.prefix(listedRows)
        let rows = listed.map { syn in
            [
                syn.time, syn.client.description, syn.server.description, String(syn.sequenceNumber),
                syn.timestampValue.map(String.init) ?? "-", syn.recentTimestampValue.map(String.init) ?? "-",
                syn.isBelowRecent ? "yes" : "no", String(syn.transmission), "\(syn.file)#\(syn.frame)",
            ]
        }
        let total = analysis.unansweredSyns.count + analysis.unansweredSynsNotListed
        var blocks: [Block] = [
            .paragraph(
                "\(listed.count) of \(grouped(total)) shown\(total > listed.count ? "; --format json lists every one" : ""). "
                    + "REMEMBERED is the TSval the address sent last within 60 s (what a tw_recycle server compares "
                    + "with); TX 1 is the first SYN of an attempt, 2 its first retransmission; FRAME is the "
                    + "Wireshark frame number."),
            .table(ReportTable(
                headers: [
                    "TIME (UTC)", "CLIENT", "SERVER", "ISN", "TSVAL", "REMEMBERED", "TSVAL BACKWARDS", "TX", "FRAME",
                ],
                rows: Array(rows), numericColumns: [3, 4, 5, 7])),
        ]
        if analysis.unansweredSynsNotListed > 0 {
            blocks.append(.paragraph(
                "\(grouped(analysis.unansweredSynsNotListed)) unanswered SYNs past the listing limit are counted only."))
        }
        return blocks
    }

    private static func correlationSections(_ correlation: CaptureCorrelation) -> [Section] {
        let counts = correlation.counts
        var overview: [Block] = [.paragraph(correlation.finding)]
        overview.append(.table(ReportTable(
            headers: ["CLIENT-SIDE SYNS", "COUNT"],
            rows: [
                ["sent to the server endpoints", grouped(counts.clientSynPackets)],
                ["reached the server, answered", grouped(counts.reachedAndAnswered)],
                ["reached the server, no answer", grouped(counts.reachedButUnanswered)],
                ["  of them with TSval older than remembered", grouped(counts.reachedButUnansweredBelowRecent)],
                ["answered, answer never reached the client", grouped(counts.answerLostOnTheWayBack)],
                ["never reached the server", grouped(counts.notSeenByServer)],
                ["sent while the server capture was not running", grouped(counts.sentOutsideServerCapture)],
                ["too close to a capture's end to tell", grouped(counts.unresolved)],
                ["to other destinations (ignored)", grouped(counts.synPacketsToOtherDestinations)],
                ["server-side SYNs missing from the client side", grouped(counts.serverOnlySynPackets)],
            ],
            numericColumns: [1])))
        if let offset = correlation.serverClockAheadMilliseconds {
            overview.append(.paragraph(
                "The server-side capture's clock reads \(formatMilliseconds(offset)) ms "
                    + "\(offset >= 0 ? "ahead of" : "behind") the client side's (median over matched SYNs, one-way "
                    + "delay included)."))
        }
        if !correlation.addressTranslations.isEmpty {
            overview.append(.table(ReportTable(
                headers: ["SOURCE ON CLIENT SIDE", "SOURCE AT SERVER (NAT)", "SYNS"],
                rows: correlation.addressTranslations.prefix(listedRows).map {
                    [$0.clientSide.description, $0.serverSide.description, grouped($0.synPackets)]
                },
                numericColumns: [2])))
        }
        if !correlation.serverOnlySources.isEmpty {
            overview.append(.paragraph(
                "Server-side SYNs without a client-side copy, by source (other hosts, e.g. behind the same NAT "
                    + "address): " + correlation.serverOnlySources.prefix(10)
                    .map { "\($0.address) (\(grouped($0.synPackets)))" }.joined(separator: ", ") + "."))
        }
        if correlation.serverSynsNotIndexed > 0 {
            overview.append(.notes([
                "\(grouped(correlation.serverSynsNotIndexed)) server-side SYNs were past the matching index limit; "
                    + "client SYNs matching them count as never reached.",
            ]))
        }
        var sections = [Section(heading: "Both sides", blocks: overview)]
        if !correlation.reachedButUnansweredSyns.isEmpty {
            sections.append(Section(
                heading: "Reached the server, no answer",
                blocks: [.table(correlatedTable(correlation.reachedButUnansweredSyns))]))
        }
        if !correlation.notSeenByServerSyns.isEmpty {
            sections.append(Section(
                heading: "Not seen by the server",
                blocks: [.table(correlatedTable(correlation.notSeenByServerSyns))]))
        }
        return sections
    }

    private static func correlatedTable(_ syns: [CorrelatedSyn]) -> ReportTable {
        ReportTable(
            headers: [
                "CLIENT TIME (UTC)", "CLIENT", "SOURCE AT SERVER", "SERVER", "ISN", "TSVAL", "TSVAL BACKWARDS",
                "TX", "CLIENT FRAME", "SERVER FRAME",
            ],
            rows: syns.prefix(listedRows).map { syn in
                [
                    syn.clientTime, syn.client.description, syn.sourceSeenByServer?.description ?? "-",
                    syn.server.description, String(syn.sequenceNumber), syn.timestampValue.map(String.init) ?? "-",
                    syn.isBelowRecentOnServer.map { $0 ? "yes" : "no" } ?? "-", String(syn.transmission),
                    "\(syn.clientFile)#\(syn.clientFrame)",
                    syn.serverFrame.map { "\(syn.serverFile ?? "")#\($0)" } ?? "-",
                ]
            },
            numericColumns: [4, 5, 7])
    }

    private static func limitNotes(_ limits: AnalysisLimits) -> [String] {
        var notes: [String] = []
        if limits.attemptsClosedEarly > 0 {
            notes.append("\(grouped(limits.attemptsClosedEarly)) pending attempts were closed early (too many at once).")
        }
        if limits.synPacketsToUntrackedEndpoints > 0 {
            notes.append("\(grouped(limits.synPacketsToUntrackedEndpoints)) SYNs went to endpoints past the tracking "
                + "limit; use --server to focus.")
        }
        if limits.clientsPooled > 0 {
            notes.append("Clients past the tracking limit were pooled as '(other clients)' at "
                + "\(grouped(limits.clientsPooled)) endpoint(s).")
        }
        return notes
    }

    // MARK: - Formatting

    static func clockText(_ estimate: ClockEstimate?) -> String {
        guard let estimate else { return "-" }
        return "\(estimate.isLowerBound ? "≥" : "")\(estimate.clocks) @ \(estimate.rateHz) Hz"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    private static func formatMilliseconds(_ value: Double) -> String {
        let tenths = Int((value.magnitude * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
