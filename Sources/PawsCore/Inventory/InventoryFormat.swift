/// The two Ansible inventory syntaxes pawsguard reads.
public enum InventoryFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case ini
    case yaml

    /// `.yml`/`.yaml` files are YAML; otherwise YAML when the text is a mapping with `all` or with
    /// groups holding `hosts`/`children`/`vars`, and INI for everything else (including an empty file).
    public static func detect(text: String, path: String) -> InventoryFormat {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yml") || lowered.hasSuffix(".yaml") { return .yaml }
        if lowered.hasSuffix(".ini") { return .ini }
        return YAMLInventoryReader.looksLikeInventory(text) ? .yaml : .ini
    }
}
