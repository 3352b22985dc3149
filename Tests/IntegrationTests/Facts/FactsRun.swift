import Foundation
import XCTest

/// One `pawsguard facts --json` run: one JSON object per host and line.
struct FactsRun {
    struct Row: Decodable {
        struct Failure: Decodable {
            let kind: String
            let message: String
        }

        let host: String
        let address: String
        let kernel: String?
        /// Dotted key → live value, or "absent" / "unreadable".
        let live: [String: String]?
        let failure: Failure?
    }

    let status: Int32
    let rows: [Row]
    let stdout: String
    let stderr: String
    let seconds: Double

    func row(_ host: String, file: StaticString = #filePath, line: UInt = #line) throws -> Row {
        guard let row = rows.first(where: { $0.host == host }) else {
            XCTFail("no line for \(host) in: \(stdout)\nstderr: \(stderr)", file: file, line: line)
            throw FactsRunError.hostMissing(host)
        }
        return row
    }
}

enum FactsRunError: Error, CustomStringConvertible {
    case hostMissing(String)
    case fingerprintUnavailable(host: String, detail: String)

    var description: String {
        switch self {
        case .hostMissing(let host): return "pawsguard facts printed no line for \(host)"
        case .fingerprintUnavailable(let host, let detail):
            return "could not read the host key fingerprint of \(host) with ssh-keygen -l: \(detail)"
        }
    }
}

extension Pawsguard {
    /// `pawsguard facts --json` with `arguments`; lines that are not JSON fail the test.
    static func facts(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> FactsRun {
        let started = Date()
        let result = run(["facts", "--json"] + arguments, file: file, line: line)
        let seconds = Date().timeIntervalSince(started)
        var rows: [FactsRun.Row] = []
        for text in result.stdout.split(separator: "\n") {
            do {
                rows.append(try JSONDecoder().decode(FactsRun.Row.self, from: Data(text.utf8)))
            } catch {
                XCTFail("not a facts JSON line: \(text) (\(error))", file: file, line: line)
            }
        }
        return FactsRun(status: result.status, rows: rows, stdout: result.stdout, stderr: result.stderr, seconds: seconds)
    }
}

extension TestFleet {
    /// `pawsguard facts --json` on this fleet with `arguments` added.
    func facts(_ arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> FactsRun {
        Pawsguard.facts(connectionArguments + arguments, file: file, line: line)
    }

    /// The SHA256 fingerprint of an up host's current key (`SHA256:...`), as `ssh-keygen -l` prints it.
    func hostKeyFingerprint(of host: FleetHost) throws -> String {
        let outcome = try ProcessRunner.run("ssh-keygen", ["-l", "-f", hostKeyPath(of: host) + ".pub"])
        let fields = outcome.stdout.split(separator: " ")
        guard outcome.succeeded, fields.count >= 2, fields[1].hasPrefix("SHA256:") else {
            throw FactsRunError.fingerprintUnavailable(host: host.name, detail: outcome.stdout + outcome.stderr)
        }
        return String(fields[1])
    }

    /// The host's public key as known_hosts records it: `ssh-ed25519 AAAA...`.
    func hostPublicKey(of host: FleetHost) throws -> String {
        let text = try String(contentsOfFile: hostKeyPath(of: host) + ".pub", encoding: .utf8)
        return text.split(separator: " ").prefix(2).joined(separator: " ")
    }

    private func hostKeyPath(of host: FleetHost) -> String {
        "\(stateDirectory)/hosts/\(host.name)/ssh_host_ed25519_key"
    }
}
