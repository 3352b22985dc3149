/// An invariant of a fuzz target. Unlike `precondition`, whose message `-O` builds drop, the
/// message is always printed, so a crash log says which property broke.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        fatalError(message())
    }
}
