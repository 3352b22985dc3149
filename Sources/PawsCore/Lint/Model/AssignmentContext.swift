/// What kind of file an assignment was found in, and in which form.
public struct AssignmentContext: Sendable, Hashable, CustomStringConvertible {
    public var source: LintSourceKind
    public var form: AssignmentForm

    public init(source: LintSourceKind, form: AssignmentForm) {
        self.source = source
        self.form = form
    }

    public var description: String { "\(form) in a \(source) file" }
}
