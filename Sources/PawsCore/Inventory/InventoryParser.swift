/// Parses inventory text. Pure: the text comes in, the model comes out; `path` only names the
/// source in locations and errors.
public enum InventoryParser {
    /// Parses `text`, detecting the format from `path` and the content (see `InventoryFormat.detect`).
    public static func parse(text: String, path: String) throws(InventoryError) -> Inventory {
        try parse(text: text, path: path, format: InventoryFormat.detect(text: text, path: path))
    }

    public static func parse(text: String, path: String, format: InventoryFormat) throws(InventoryError) -> Inventory {
        let draft: InventoryDraft
        switch format {
        case .ini: draft = try INIInventoryReader(path: path).read(text)
        case .yaml: draft = try YAMLInventoryReader(path: path).read(text)
        }
        return try InventoryResolver(draft: draft).resolve()
    }
}
