import Foundation

/// Where things are in the repository the tests were built from, found from this file's own path.
enum RepositoryLayout {
    /// `<repo>/Tests/IntegrationTests/Support/RepositoryLayout.swift` → `<repo>`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static var testfleetScript: String { root.appendingPathComponent("scripts/testfleet").path }

    static func scenarioDirectory(_ scenario: String) -> String {
        root.appendingPathComponent("Tests/Scenarios").appendingPathComponent(scenario).path
    }
}
