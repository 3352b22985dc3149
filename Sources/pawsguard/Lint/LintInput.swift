/// A file the lint run will read: where it is and how reports name it.
struct LintInput: Sendable, Hashable {
    /// Absolute path, for reading.
    let absolutePath: String
    /// Relative to the current directory when below it, else absolute: how findings name the file.
    let displayPath: String
}
