/// The mapping keys above a node; `-` for a sequence item.
struct YAMLPath: Sendable, Hashable {
    var components: [String] = []

    var last: String? { components.last }

    /// The mapping key above the nearest enclosing sequence item, if any: `sysctls` for
    /// `securityContext.sysctls[0]`.
    var keyAboveSequenceItem: String? {
        guard components.last == "-", components.count >= 2 else { return nil }
        return components[components.count - 2]
    }
}
