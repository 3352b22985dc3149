import Foundation

/// `pawsguard audit --format json` as docs/REPORT-SCHEMA.md documents it (version 1), decoded with
/// types of the tests' own rather than pawsguard's: a field renamed in the binary but not in the
/// schema page fails here instead of passing through a shared type.
struct AuditReportDocument: Decodable {
    let schemaVersion: Int
    let tool: String
    let playbooks: [String]
    let sampleIntervalSeconds: Int?
    let hosts: [HostEntry]
    let summary: Summary

    struct Summary: Decodable {
        let hosts: Int
        let audited: Int
        let failed: Int
        let clean: Int
        let hostsBySeverity: [String: Int]
    }

    struct HostEntry: Decodable {
        let host: String
        let address: String
        let status: String
        let failure: Failure?
        let kernelRelease: String?
        let operatingSystem: String?
        let facts: Facts?
        let findings: [Finding]
        let durationSeconds: Double
    }

    struct Failure: Decodable {
        let kind: String
        let message: String
    }

    struct Facts: Decodable {
        let host: String
        let kernelRelease: String?
        let keys: [String: KeyFacts]
        let counters: [String: UInt64]
        let deltas: [String: UInt64]?
        let sampleIntervalSeconds: Int?
        let nat: NatAssessment
        let unreadableFiles: [String]
    }

    struct KeyFacts: Decodable {
        let key: String
        let live: LiveValue
        let procps: PersistedValue?
        let systemd: PersistedValue?
        let assignments: [Assignment]
    }

    struct LiveValue: Decodable, Equatable {
        let state: String
        let value: String?
    }

    struct PersistedValue: Decodable {
        let value: String
        let origin: Location
    }

    struct Assignment: Decodable {
        let location: Location
        let value: String
        let ignoreFailure: Bool
        let effectiveUnder: [String]
        let viaGlob: Bool
    }

    struct Location: Decodable, Equatable, CustomStringConvertible {
        let path: String
        let line: Int
        let column: Int?

        init(path: String, line: Int, column: Int? = nil) {
            self.path = path
            self.line = line
            self.column = column
        }

        var description: String { "\(path):\(line)" }
    }

    struct NatAssessment: Decodable {
        let state: String
        let evidence: [Evidence]
    }

    /// One evidence object; only the fields of its `kind` are present.
    struct Evidence: Decodable {
        let kind: String
        let text: String
        let natClients: Bool?
        let pawsPassive: UInt64?
        let listenDrops: UInt64?
        let listenOverflows: UInt64?
        let seconds: Int?
        let peers: Int?
        let addresses: [String]?
        let networks: [String]?
    }

    struct Finding: Decodable {
        let ruleID: String
        let playbookID: String
        let severity: String
        let title: String
        let message: String
        let remediation: String
        let origins: [Location]
        let references: [String]
    }

    static func decode(_ text: String) throws -> AuditReportDocument {
        try JSONDecoder().decode(AuditReportDocument.self, from: Data(text.utf8))
    }

    func host(_ name: String) -> HostEntry? {
        hosts.first { $0.host == name }
    }
}

extension AuditReportDocument.HostEntry {
    func finding(_ ruleID: String) -> AuditReportDocument.Finding? {
        findings.first { $0.ruleID == ruleID }
    }

    var ruleIDs: [String] { findings.map(\.ruleID) }

    func key(_ name: String) -> AuditReportDocument.KeyFacts? {
        facts?.keys[name]
    }
}
