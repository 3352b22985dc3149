import ArgumentParser
import PawsCore

/// `pawsguard pcap FILE...`: turns tcpdump captures into a verdict on tw_recycle/PAWS SYN drops.
struct PcapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pcap",
        abstract: "Tell from tcpdump captures whether a server silently drops SYNs by TCP timestamp (tw_recycle).",
        discussion: """
            Reads pcap and pcapng captures (tcpdump -w), follows every SYN to its SYN-ACK, RST or silence, and \
            says whether the capture shows the tcp_tw_recycle/PAWS signature (unanswered SYNs whose TSval went \
            backwards for their client address), a listen-queue problem (unanswered SYNs without that), or neither.

            With a client-side and a server-side capture of the same period (--correlate A B, or \
            --client-capture A --server-capture B) it also says which SYNs reached the server and got no answer \
            and which never reached it, matching them across NAT by destination, ISN and TSval.

            Exit status: 0 no problem signature, 1 a signature was found, 2 usage or input error.
            """
    )

    @Argument(help: ArgumentHelp(
        "Capture files. Several files are read as one capture in the given order (tcpdump -C/-G rotation); "
            + "with --correlate the first is the client side and the second the server side.",
        valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("server"), help: ArgumentHelp(
        "A server endpoint to judge; repeat for several. Default: every endpoint that received SYNs.",
        valueName: "ip[:port]"))
    var servers: [String] = []

    @Option(help: ArgumentHelp(
        "table, json, markdown or html. Default: by -o's extension, else table on a terminal and json otherwise.",
        valueName: "format"))
    var format: CaptureReportFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file.", valueName: "file"))
    var output: String?

    @Flag(help: "Correlate two captures of the same period: the first file client side, the second server side.")
    var correlate = false

    @Option(help: ArgumentHelp("The client-side capture (repeat for rotated files).", valueName: "file"))
    var clientCapture: [String] = []

    @Option(help: ArgumentHelp("The server-side capture (repeat for rotated files).", valueName: "file"))
    var serverCapture: [String] = []

    @Option(help: ArgumentHelp("Unanswered SYNs to list in detail; the rest are counted.", valueName: "count"))
    var maxListed = 10_000

    func validate() throws {
        do {
            _ = try PcapPlan(command: self)
        } catch let error as PcapUsageError {
            throw ValidationError(error.description)
        } catch let error as CaptureOptionError {
            throw ValidationError(error.description)
        }
    }

    /// Capture errors (unreadable or corrupt files) propagate to the root command, which prints them and exits 2.
    func run() throws {
        let plan = try PcapPlan(command: self)
        let verdict: CaptureVerdict
        switch plan.inputs {
        case .single(let inputs):
            verdict = try CaptureInvestigation.analyze(inputs, options: plan.options)
        case .correlated(let clientSide, let serverSide):
            verdict = try CaptureInvestigation.correlate(
                clientSide: clientSide, serverSide: serverSide, options: plan.options)
        }
        let report = CaptureReportRenderer.render(verdict, as: plan.format)
        if let output {
            try Terminal.write(report, to: output)
        } else {
            Terminal.out(report)
        }
        if verdict.signature.isProblem { throw ExitCode(ExitStatus.findings) }
    }
}

/// What to read and how, once the options have been checked.
private struct PcapPlan {
    enum Inputs {
        case single([CaptureInput])
        case correlated(clientSide: [CaptureInput], serverSide: [CaptureInput])
    }

    var inputs: Inputs
    var options: SynAnalysisOptions
    var format: CaptureReportFormat

    init(command: PcapCommand) throws {
        let explicitSides = !command.clientCapture.isEmpty || !command.serverCapture.isEmpty
        if explicitSides {
            guard !command.clientCapture.isEmpty, !command.serverCapture.isEmpty else {
                throw PcapUsageError.missingSide(command.clientCapture.isEmpty ? "--client-capture" : "--server-capture")
            }
            guard command.files.isEmpty else { throw PcapUsageError.filesWithSides(command.files) }
            inputs = .correlated(
                clientSide: command.clientCapture.map(CaptureInput.file),
                serverSide: command.serverCapture.map(CaptureInput.file))
        } else if command.correlate {
            guard command.files.count == 2 else { throw PcapUsageError.correlateNeedsTwoFiles(given: command.files.count) }
            inputs = .correlated(clientSide: [.file(command.files[0])], serverSide: [.file(command.files[1])])
        } else {
            guard !command.files.isEmpty else { throw PcapUsageError.noCaptures }
            inputs = .single(command.files.map(CaptureInput.file))
        }
        guard command.maxListed >= 0 else { throw PcapUsageError.negativeListing(command.maxListed) }

        var options = SynAnalysisOptions(servers: try command.servers.map { text throws(CaptureOptionError) in
            try ServerSelector(parsing: text)
        })
        options.maximumUnansweredDetails = command.maxListed
        self.options = options

        if let chosen = command.format {
            format = chosen
        } else if let output = command.output {
            format = CaptureReportFormat(fileExtensionOf: output) ?? .table
        } else {
            format = Terminal.stdoutIsTTY ? .table : .json
        }
    }
}

/// Option combinations `pawsguard pcap` cannot act on.
enum PcapUsageError: Error, CustomStringConvertible {
    case noCaptures
    case correlateNeedsTwoFiles(given: Int)
    /// The option naming the side that was not given.
    case missingSide(String)
    case filesWithSides([String])
    case negativeListing(Int)

    var description: String {
        switch self {
        case .noCaptures:
            return "no capture given; name one or more files written by `tcpdump -w`."
        case .correlateNeedsTwoFiles(let given):
            return "--correlate needs exactly two files, the client-side capture then the server-side one; got \(given)."
        case .missingSide(let option):
            return "\(option) is missing; correlating needs both --client-capture and --server-capture."
        case .filesWithSides(let files):
            return "files \(files.joined(separator: ", ")) given besides --client-capture/--server-capture; name each "
                + "capture once, with the option that says its side."
        case .negativeListing(let count):
            return "--max-listed must be 0 or more, not \(count)."
        }
    }
}

extension CaptureReportFormat: ExpressibleByArgument {}
