import Foundation

/// Reads an inventory file and parses it; the only part of the inventory code that touches the disk.
public enum InventoryLoader {
    public static func load(path: String) throws(InventoryError) -> Inventory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .unreadable(path: path, reason: "it is a directory; inventory directories are not supported")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .notUTF8(path: path)
        }
        // Editors on Windows prepend a byte order mark; it is not part of the first line's content.
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        return try InventoryParser.parse(text: text, path: path)
    }
}
