import ArgumentParser
import Foundation
import PawsCore

/// `--playbook NAME|FILE`, repeatable.
struct PlaybookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A built-in playbook (tcp-tw-recycle-nat, syn-drop-diagnosis) or a playbook YAML file (repeatable).",
        discussion: "Default: tcp-tw-recycle-nat. Schema: playbooks/README.md.", valueName: "name|file"))
    var playbook: [String] = []

    func playbooks() throws -> [Playbook] {
        let names = playbook.isEmpty ? [PlaybookCatalog.defaultPlaybookID] : playbook
        let catalog = PlaybookCatalog()
        return try names.map { name in
            if let builtin = try catalog.builtin(named: name), !FileManager.default.fileExists(atPath: name) {
                return builtin
            }
            guard FileManager.default.fileExists(atPath: name) else {
                throw ValidationError("--playbook \(name): no such file, and not a built-in playbook (\(catalog.builtinNames.joined(separator: ", ")))")
            }
            guard let data = FileManager.default.contents(atPath: name) else {
                throw PlaybookError.unreadable(path: name, reason: "permission denied or not a regular file")
            }
            return try PlaybookLoader().load(yaml: String(decoding: data, as: UTF8.self), source: name)
        }
    }
}
