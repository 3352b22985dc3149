import XCTest
@testable import PawsCore

/// Random inputs built from the bytes that matter to the grammar. Seeded, so a failure repeats.
final class SysctlParserRobustnessTests: XCTestCase {
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let alphabet: [UInt8] = Array("net.ipv4/tcp_tw_recycle=-#; \t\r\n*?[]01".utf8) + [0x00, 0xC3, 0xA9, 0xFF]

    private func randomInputs(count: Int) -> [[UInt8]] {
        var generator = SplitMix64(state: 0x5EED)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...120, using: &generator)
            return (0..<length).map { _ in Self.alphabet.randomElement(using: &generator) ?? 0x20 }
        }
    }

    func testLineSpansTileTheFileExactly() {
        for bytes in randomInputs(count: 2000) {
            let file = SysctlFileParser.parse(bytes, path: "/fuzz.conf")
            let rebuilt = file.lines.flatMap { Array(bytes[$0.fullRange]) }
            XCTAssertEqual(rebuilt, bytes)
            XCTAssertEqual(file.lines.map(\.line), file.lines.indices.map { $0 + 1 })
            for entry in file.entries {
                let line = entry.span.content
                XCTAssertTrue(line.lowerBound <= entry.keyRange.lowerBound && entry.keyRange.upperBound <= line.upperBound)
                if let value = entry.valueRange {
                    XCTAssertTrue(entry.keyRange.upperBound <= value.lowerBound && value.upperBound <= line.upperBound)
                }
                XCTAssertFalse(entry.key.components.isEmpty)
            }
        }
    }

    func testModelsAndOtherParsersNeverCrashOnNoise() {
        for bytes in randomInputs(count: 500) {
            let text = String(decoding: bytes, as: UTF8.self)
            let host = SysctlConfigSet(files: [
                SysctlConfigSet.File(path: "/etc/sysctl.conf", content: .bytes(bytes)),
                SysctlConfigSet.File(path: "/etc/sysctl.d/10-x.conf", content: .bytes(bytes.reversed())),
            ])
            for applier in SysctlApplier.allCases {
                let evaluation = applier.model.evaluate(host)
                _ = evaluation.effectiveTable(liveKeys: [.tcpTwRecycle, .tcpTimestamps])
                _ = evaluation.assignments(to: .tcpTwRecycle)
            }
            _ = host.everyAssignment(to: .tcpTwRecycle)
            _ = NetstatParser.parseLeniently(text)
            _ = TCPSocketTable.parseLeniently(text)
            _ = try? KernelRelease.parse(text)
        }
    }
}
