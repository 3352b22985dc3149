import Foundation

/// A one-line excerpt of a command for error messages (commands may be whole scripts).
enum CommandSummary {
    static func short(_ command: String, limit: Int = 60) -> String {
        let trimmed = command.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstLine = trimmed.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let isTruncated = firstLine.count > limit || firstLine.count < trimmed.count
        let excerpt = firstLine.count > limit ? String(firstLine.prefix(limit)) : firstLine
        return isTruncated ? excerpt + " …" : excerpt
    }
}
