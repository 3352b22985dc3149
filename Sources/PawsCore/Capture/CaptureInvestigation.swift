/// Reads captures and turns them into a `CaptureVerdict`: the one entry point the command needs.
public enum CaptureInvestigation {
    /// Analyses `inputs` as one capture (several files are read in the order given, as tcpdump's `-C`/`-G`
    /// rotation writes them).
    public static func analyze(
        _ inputs: [CaptureInput], options: SynAnalysisOptions = SynAnalysisOptions()
    ) throws(CaptureError) -> CaptureVerdict {
        var analyzer = SynAnalyzer(options: options)
        var sink = DiscardingSynSink()
        var reports: [CaptureInputReport] = []
        for input in inputs {
            reports.append(try scan(input, role: .capture, analyzer: &analyzer, sink: &sink))
        }
        let analysis = analyzer.finish()
        return CaptureVerdict(
            signature: analysis.signature, summary: analysis.finding, inputs: reports, analyses: [analysis],
            correlation: nil)
    }

    /// Analyses a client-side and a server-side capture of the same period, and matches their SYNs.
    public static func correlate(
        clientSide: [CaptureInput], serverSide: [CaptureInput], options: SynAnalysisOptions = SynAnalysisOptions()
    ) throws(CaptureError) -> CaptureVerdict {
        var correlator = CaptureCorrelator()
        var reports: [CaptureInputReport] = []

        var serverAnalyzer = SynAnalyzer(options: options)
        for input in serverSide {
            reports.append(try scan(input, role: .serverSide, analyzer: &serverAnalyzer, sink: &correlator))
        }
        var serverAnalysis = serverAnalyzer.finish(into: &correlator)
        serverAnalysis.role = .serverSide

        let span: ClosedRange<Int64>?
        if let first = serverAnalysis.firstPacketNanoseconds, let last = serverAnalysis.lastPacketNanoseconds,
           first <= last {
            span = first...last
        } else {
            span = nil
        }
        correlator.beginClientSide(
            serverFiles: serverAnalysis.files, serverSpan: span, clientFiles: clientSide.map(\.name))

        var clientAnalyzer = SynAnalyzer(options: options)
        for input in clientSide {
            reports.append(try scan(input, role: .clientSide, analyzer: &clientAnalyzer, sink: &correlator))
        }
        var clientAnalysis = clientAnalyzer.finish(into: &correlator)
        clientAnalysis.role = .clientSide
        // Seen from the client, an unanswered SYN may have been lost on the way as well as dropped by the
        // server: only the comparison with the server side can tell, so the client side is not judged alone.
        let totals = clientAnalysis.totals
        clientAnalysis.finding = "The client side got no answer to \(totals.unansweredSynPackets) of its "
            + "\(totals.synPackets) SYNs; the comparison with the server side tells which of them reached the server."

        let correlation = correlator.result()
        return CaptureVerdict(
            signature: serverAnalysis.signature,
            summary: "Server side: " + serverAnalysis.finding + " Both sides: " + correlation.finding,
            inputs: reports, analyses: [serverAnalysis, clientAnalysis], correlation: correlation)
    }

    /// Streams one capture through the decoder into the analyzer.
    static func scan<Sink: ResolvedSynSink>(
        _ input: CaptureInput, role: CaptureAnalysis.Role, analyzer: inout SynAnalyzer, sink: inout Sink
    ) throws(CaptureError) -> CaptureInputReport {
        let reader = try CaptureFile.reader(for: input.openSource())
        analyzer.beginFile(named: input.name)
        var decoder = PacketDecoder()
        let reading: CaptureReadStatistics
        // Concrete types, so that the hot loop is specialized for each reader instead of calling through the
        // protocol's witness table for every packet.
        if var classic = reader as? ClassicPcapReader {
            try pump(&classic, decoder: &decoder, analyzer: &analyzer, sink: &sink)
            reading = classic.statistics
        } else if var pcapng = reader as? PcapngReader {
            try pump(&pcapng, decoder: &decoder, analyzer: &analyzer, sink: &sink)
            reading = pcapng.statistics
        } else {
            var other = reader
            try pump(&other, decoder: &decoder, analyzer: &analyzer, sink: &sink)
            reading = other.statistics
        }
        return CaptureInputReport(file: input.name, role: role, reading: reading, decoding: decoder.statistics)
    }

    /// The hot loop.
    private static func pump<Reader: CaptureReader, Sink: ResolvedSynSink>(
        _ reader: inout Reader, decoder: inout PacketDecoder, analyzer: inout SynAnalyzer, sink: inout Sink
    ) throws(CaptureError) {
        while let packet = try reader.next() {
            if let segment = decoder.decode(packet) {
                analyzer.consume(segment, into: &sink)
            }
        }
    }
}
