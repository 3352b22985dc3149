/// One `name=value` as written in the inventory, with where it was written so that a later
/// validation or conflict can point at the right line.
struct VariableAssignment: Sendable, Hashable {
    var value: String
    var location: SourceLocation
}
