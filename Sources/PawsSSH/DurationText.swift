/// Short human renderings of durations for error messages.
enum DurationText {
    /// "1.5 s", "0.2 s", "12 s".
    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        if value >= 10 { return "\(Int(value.rounded())) s" }
        return "\((value * 10).rounded() / 10) s"
    }
}
