import Foundation
import XCTest
@testable import PawsCore

/// What a host sends back is untrusted. Files that contain the framing boundary's shape, NUL bytes
/// or 1 MiB lines are read exactly; a remote that answers with anything else gets a `ProbeError`
/// naming the host. Nothing crashes, and the whole audit core runs on what was accepted.
final class ProbeOutputHostileTests: XCTestCase {
    private let keys = ["net.ipv4.tcp_tw_recycle", "net.ipv4.tcp_timestamps"]

    /// Output in the probe's framing (see `ProbeScript.make`): each section is a header line, the
    /// bytes, and one `\n` the script appends.
    private struct Transcript {
        let boundary: String
        var bytes: [UInt8] = []

        mutating func section(_ header: String, _ content: [UInt8]? = nil) {
            bytes += Array("\(boundary) \(header)\n".utf8)
            if let content { bytes += content + [0x0A] }
        }

        mutating func file(_ path: String, _ content: [UInt8]) {
            section("path", Array(path.utf8))
            section("file", content)
        }
    }

    private func transcript(boundary: String, files: [(String, [UInt8])], netstat: [UInt8] = Array("TcpExt: PAWSPassive\nTcpExt: 0\n".utf8)) -> [UInt8] {
        var output = Transcript(boundary: boundary)
        output.section("probe \(ProbeScript.formatVersion)")
        output.section("release", Array("3.10.0-1160.el7.x86_64".utf8))
        output.section("live 0", Array("1".utf8))
        output.section("live 1", Array("1".utf8))
        output.section("netstat", netstat)
        output.section("tcp-absent")
        output.section("tcp6-absent")
        for (path, content) in files { output.file(path, content) }
        output.section("end")
        return output.bytes
    }

    /// Content that looks like framing: other boundaries at line starts, this run's boundary in
    /// mid-line or without its space, `PGB` prefixes, NULs, CRs and a missing final newline.
    private func boundaryShapedContents(otherBoundary: String, boundary: String, seed: UInt64) -> [[UInt8]] {
        var hostile = HostileText(seed: seed, marker: "/nonexistent")
        var contents: [[UInt8]] = [
            Array("\(otherBoundary) end\n\(otherBoundary) probe 1\n".utf8),
            Array("x \(boundary) end\n".utf8),
            Array("\(boundary)\n\(boundary)end\n\(boundary)\tend\n".utf8),
            Array(" \(boundary) path\n/etc/passwd\n".utf8),
            Array("PGB end\nPGB\n".utf8),
            [0x00, 0x0A, 0x00] + Array("\(otherBoundary) file\n".utf8) + [0x00],
            Array("no final newline \(otherBoundary)".utf8),
            [],
            [0x0A],
            [0x0A, 0x0A, 0x0A],
            Array("\r\n\(otherBoundary) end\r\n".utf8),
            [0xFF, 0xFE, 0xC3, 0x28, 0x0A, 0x80],
        ]
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<4 {
                text += hostile.next(maximumLength: 2048)
                text += hostile.choose(["\n", "\n\(otherBoundary) ", "\(boundary)", "\n\(otherBoundary.prefix(10))", "\0"])
            }
            contents.append(Array(text.utf8))
        }
        return contents
    }

    func testFilesShapedLikeTheFramingAreReadExactly() throws {
        let boundary = ProbeRequest.randomBoundary()
        let request = ProbeRequest(keys: keys, boundary: boundary)
        let contents = boundaryShapedContents(otherBoundary: ProbeRequest.randomBoundary(), boundary: boundary, seed: 0x5EED_0D01)
        for (index, content) in contents.enumerated() {
            let files = [("/etc/sysctl.d/\(index).conf", content), ("/etc/sysctl.conf", content.reversed() as [UInt8])]
            let snapshot = try ProbeOutputParser(request: request, host: "db1").parse(transcript(boundary: boundary, files: files))
            XCTAssertEqual(snapshot.configFiles.map(\.path), files.map(\.0), "case \(index)")
            XCTAssertEqual(snapshot.configFiles.map(\.bytes), files.map(\.1), "case \(index)")
            _ = HostileAudit.audit(snapshot)
        }
    }

    func testNULBytesAndMegabyteLinesAreReadExactly() throws {
        let boundary = ProbeRequest.randomBoundary()
        let request = ProbeRequest(keys: keys, boundary: boundary)
        let megabyteLine = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let nulFile = Array("net.ipv4.tcp_tw_recycle = 1\0 ; hidden\n\0\0\0\n".utf8)
        let longValue = Array("net.ipv4.tcp_tw_recycle = ".utf8) + megabyteLine + [0x0A]
        let netstat = Array("TcpExt: PAWSPassive ListenDrops\nTcpExt: 1 2\n".utf8) + megabyteLine + [0x00, 0x0A]
        let files = [
            ("/etc/sysctl.d/10-nul.conf", nulFile), ("/etc/sysctl.d/20-long.conf", longValue),
            ("/etc/sysctl.d/30-line.conf", megabyteLine), ("/etc/sysctl.conf", megabyteLine + [0x0A] + nulFile),
        ]
        let started = ContinuousClock.now
        let snapshot = try ProbeOutputParser(request: request, host: "db1").parse(transcript(boundary: boundary, files: files, netstat: netstat))
        XCTAssertEqual(snapshot.configFiles.map(\.bytes), files.map(\.1))
        XCTAssertEqual(snapshot.netstatSamples, [.text(String(decoding: netstat, as: UTF8.self))])
        let report = HostileAudit.audit(snapshot)
        XCTAssertEqual(report.hosts.first?.status, .audited)
        XCTAssertLessThan(started.duration(to: .now), .seconds(60), "a few MiB of output must not take minutes")
    }

    /// Every way a remote can answer other than the probe's framing ends in a `ProbeError` that
    /// names the host and prints no raw control characters.
    func testGarbageAnswersGiveAProbeError() {
        let boundary = ProbeRequest.randomBoundary()
        let request = ProbeRequest(keys: keys, boundary: boundary)
        let valid = transcript(boundary: boundary, files: [("/etc/sysctl.conf", Array("a=1\n".utf8))])
        var answers: [[UInt8]] = [
            [],
            Array("sh: 1: Syntax error: \"(\" unexpected\n".utf8),
            Array("Welcome to db1!\n".utf8) + valid,
            Array("<html><body>502 Bad Gateway</body></html>".utf8),
            Array(valid.prefix(valid.count / 2)),
            Array(valid.dropLast(Array("\(boundary) end\n".utf8).count)),
            Array("\(boundary) probe 2\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) live 7\n1\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) live -1\n1\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) live 99999999999999999999999\n1\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) file\nx\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) path\nrelative/x.conf\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) path\n/etc/a\0b\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) rm -rf /\n\(boundary) end\n".utf8),
            Array("\(boundary) probe 1\n\(boundary) end\n".utf8),
            Array("\(boundary)probe 1\n".utf8),
            [0x00] + valid,
            Array(repeating: 0x0A, count: 100_000),
            Array(repeating: 0x00, count: 100_000),
        ]
        var generator = HostileText.Generator(seed: 0x5EED_0E01)
        for _ in 0..<300 {
            let length = Int.random(in: 0...4096, using: &generator)
            answers.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        var hostile = HostileText(seed: 0x5EED_0E02, marker: "/nonexistent")
        for _ in 0..<100 {
            answers.append(Array(hostile.next().utf8))
        }
        for (index, answer) in answers.enumerated() {
            XCTAssertThrowsError(try ProbeOutputParser(request: request, host: "db1.example").parse(answer), "case \(index)") { error in
                guard let probeError = error as? ProbeError else {
                    return XCTFail("case \(index): not a ProbeError: \(error)")
                }
                let description = probeError.description
                XCTAssertTrue(description.hasPrefix("db1.example: "), "case \(index): \(description)")
                XCTAssertFalse(description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "case \(index): \(description.debugDescription)")
            }
        }
    }
}
